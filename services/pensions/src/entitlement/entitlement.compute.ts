import { formatIsoDate, Sex } from '@jol/kernel';
import {
  InsurancePeriodSource,
  isKyrgyzInsurance,
} from '../insurance-period/insurance-period.type';
import {
  periodsCoveredBy,
  type CountryCoverage,
  type CoverageWindow,
} from '../partner/partner.coverage';
import {
  coveredDays,
  daysInclusive,
  DAYS_PER_MONTH,
  MONTHS_PER_YEAR,
  toServiceLength,
  type PeriodSpan,
} from '../service-summary/service-summary.compute';
import type { PensionEntitlement, PensionEntitlementPeriod } from './entitlement.type';

/**
 * The old-age pension on general terms, Law of the Kyrgyz Republic No. 57 of 21 July 1997 "On
 * state pension social insurance", Art. 9: men from 63, women from 58. The law sets no minimum
 * record for it: 25 years (men) and 20 years (women) is the record for a full pension, and with a
 * shorter one the pension is still paid, its basic part reduced in proportion to the record. So
 * "the Kyrgyz record alone is not enough" means short of the full record, and that is when foreign
 * periods are summed.
 * Sources: Art. 9 as inserted into Law No. 57 ("Расчетный страховой стаж для назначения полной
 * пенсии по возрасту на общих основаниях составляет: для мужчин 25 лет, для женщин 20 лет. Лицам,
 * не имеющим полного расчетного страхового стажа, пенсия назначается ...",
 * https://prg.kz/m/amp/document/30238316); the Social Fund, 26 February 2024 ("Базовая часть
 * пенсии для лиц, не имеющих достаточного страхового стажа ... рассчитывается пропорционально
 * имеющемуся стажу", http://socfond.kg/ru/news/1933-Chto-takoie-bazovaia-chast-piensii.html.html);
 * the Social Fund to Akchabar, 1 October 2024 (general retirement age 63 for men, 58 for women,
 * https://akchabar.kg/en/article/pensiya-czklhxodxxanljrp/den-pozhilikh-lyudej-minimalnaya-pensiya-povisitsya-bolee-chem-v-dva-raza-wdrymfifoxpepopx);
 * Pension Development ("payable at age 63 with at least 25 years of covered employment ... men or
 * at age 58 with at least 20 years ... women"; "a partial pension is paid for those who have less",
 * http://www.pensiondevelopment.org/134/kyrgyzstan.htm); CABAR (a shorter record reduces the
 * basic portion proportionally, https://cabar.asia/en/kyrgyzstan-who-can-retire-early/). Early
 * and privileged retirement (hazardous work, mothers of five, 15 years beyond the record) are not
 * modelled.
 */
export const KYRGYZ_OLD_AGE_PENSION = {
  retirementAge: { [Sex.MALE]: 63, [Sex.FEMALE]: 58 } as Record<Sex, number>,
  fullRecordYears: { [Sex.MALE]: 25, [Sex.FEMALE]: 20 } as Record<Sex, number>,
  legalBasis:
    'Law of the Kyrgyz Republic No. 57 of 21 July 1997 "On state pension social insurance", Art. 9: old-age pension at 63 (men) and 58 (women); full record 25 years (men) and 20 years (women); no minimum record, a shorter one reduces the basic part in proportion.',
} as const;

/** A stored period, as the entitlement needs it. */
export interface EntitlementPeriodInput extends PeriodSpan {
  id: string;
  source: InsurancePeriodSource;
}

export interface EntitlementInput {
  asOf: Date;
  sex: Sex | null;
  birthDate: Date | null;
  periods: readonly EntitlementPeriodInput[];
  /** Per foreign country, the agreements its periods count under (coverageByCountry). */
  coverage: ReadonlyMap<string, CountryCoverage>;
}

const DAYS_PER_YEAR = DAYS_PER_MONTH * MONTHS_PER_YEAR;
const iso = formatIsoDate;

/** The day a person born on `birthDate` turns `years` (29 February turns on 1 March). */
export function anniversary(birthDate: Date, years: number): Date {
  const date = new Date(birthDate.getTime());
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date;
}

function describeWindows(windows: readonly CoverageWindow[]): string {
  return windows
    .map((w) => {
      const bounds = [w.from ? `from ${iso(w.from)}` : '', w.until ? `until ${iso(w.until)}` : '']
        .filter(Boolean)
        .join(' ');
      return bounds ? `${w.agreement} ${bounds}` : w.agreement;
    })
    .join('; ');
}

/** Why a foreign period counts for nothing: no agreement, a refund-only one, or outside its dates. */
function notCoveredReason(country: string, coverage: CountryCoverage | undefined): string {
  const ended = (coverage?.ended ?? [])
    .map((e) => `${e.agreement} ceased to apply to ${country} after ${iso(e.endedOn)}`)
    .join('; ');
  const suffix = ended ? ` (${ended})` : '';
  if (coverage && coverage.windows.length > 0)
    return `not counted: outside the periods its agreements cover (${describeWindows(coverage.windows)})${suffix}`;
  if (coverage && coverage.lumpSumOnly.length > 0)
    return `not counted: ${coverage.lumpSumOnly.join(', ')} provides a lump-sum refund only, periods in ${country} are not summed${suffix}`;
  return `not counted: no agreement in force with ${country} sums its periods${suffix}`;
}

/**
 * The entitlement as of a day: Kyrgyz periods always count; foreign (partner-reported) periods are
 * summed only when the Kyrgyz record alone falls short of the full record (or the sex, hence the
 * full record, is unknown), and then only the days an agreement in force with their country
 * covers. Days after `asOf` do not count. Periods are reported oldest first, each with its reason.
 */
export function computeEntitlement(input: EntitlementInput): PensionEntitlement {
  const { asOf, sex, birthDate } = input;
  const sorted = [...input.periods].sort((a, b) => a.from.getTime() - b.from.getTime());
  const clip = (p: EntitlementPeriodInput) => (p.to > asOf ? { ...p, to: asOf } : p);
  const past = sorted.filter((p) => p.from <= asOf).map(clip);
  const kyrgyz = past.filter((p) => isKyrgyzInsurance(p.source));
  const kyrgyzDays = coveredDays(kyrgyz);
  const fullYears = sex ? KYRGYZ_OLD_AGE_PENSION.fullRecordYears[sex] : null;
  const requiredDays = fullYears === null ? null : fullYears * DAYS_PER_YEAR;
  const summing = requiredDays === null || kyrgyzDays < requiredDays;

  const counted: PeriodSpan[] = [...kyrgyz];
  const periods: PensionEntitlementPeriod[] = sorted.map((period) => {
    const entry = {
      periodId: period.id,
      country: period.country,
      from: period.from,
      to: period.to,
      source: period.source,
    };
    if (period.from > asOf) {
      return {
        ...entry,
        counted: false,
        countedDays: 0,
        agreement: null,
        reason: `not counted: starts after ${iso(asOf)}`,
      };
    }
    const span = clip(period);
    if (isKyrgyzInsurance(period.source)) {
      return {
        ...entry,
        counted: true,
        countedDays: daysInclusive(span.from, span.to),
        agreement: null,
        reason:
          period.source === InsurancePeriodSource.DOMESTIC
            ? 'Kyrgyz insurance period'
            : 'voluntary contributions paid to the Social Fund from abroad: Kyrgyz insurance',
      };
    }
    if (!summing) {
      return {
        ...entry,
        counted: false,
        countedDays: 0,
        agreement: null,
        reason: `not summed: the Kyrgyz record alone reaches the ${fullYears} years of a full pension`,
      };
    }
    const coverage = input.coverage.get(period.country);
    const pieces = periodsCoveredBy(coverage?.windows ?? [], [span]);
    if (pieces.length === 0) {
      return {
        ...entry,
        counted: false,
        countedDays: 0,
        agreement: null,
        reason: notCoveredReason(period.country, coverage),
      };
    }
    counted.push(...pieces);
    const agreement = [...new Set(pieces.map((p) => p.coveredBy))].join(', ');
    const countedDays = pieces.reduce((sum, p) => sum + daysInclusive(p.from, p.to), 0);
    const whole = countedDays === daysInclusive(period.from, period.to);
    const reason = whole
      ? `summed under ${agreement}`
      : `summed under ${agreement} for ${pieces.map((p) => `${iso(p.from)}..${iso(p.to)}`).join(', ')} only`;
    return { ...entry, counted: true, countedDays, agreement, reason };
  });

  const totalDays = coveredDays(counted);
  const foreignDays = totalDays - kyrgyzDays;
  const age = sex ? KYRGYZ_OLD_AGE_PENSION.retirementAge[sex] : null;
  const reachedOn = age !== null && birthDate ? anniversary(birthDate, age) : null;
  return {
    asOf,
    retirementAge: age,
    retirementAgeReachedOn: reachedOn,
    ageReached: reachedOn ? asOf >= reachedOn : null,
    requiredRecord: requiredDays === null ? null : toServiceLength(requiredDays),
    kyrgyzRecord: toServiceLength(kyrgyzDays),
    foreignRecord: toServiceLength(foreignDays),
    totalRecord: toServiceLength(totalDays),
    totalized: foreignDays > 0,
    fullRecordReached: requiredDays === null ? null : totalDays >= requiredDays,
    periods,
    legalBasis: KYRGYZ_OLD_AGE_PENSION.legalBasis,
  };
}
