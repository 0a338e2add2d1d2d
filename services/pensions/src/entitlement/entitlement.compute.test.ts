import { Sex } from '@jol/kernel';
import { InsurancePeriodSource } from '../insurance-period/insurance-period.type';
import { coverageByCountry } from '../partner/partner.coverage';
import { PENSION_AGREEMENTS, PENSION_PARTNERS } from '../partner/partner.registry';
import {
  anniversary,
  computeEntitlement,
  KYRGYZ_OLD_AGE_PENSION,
  type EntitlementPeriodInput,
} from './entitlement.compute';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const AS_OF = day('2025-06-30');
const COVERAGE = coverageByCountry(
  new Map(PENSION_AGREEMENTS.map((a) => [a._id, a])),
  PENSION_PARTNERS,
  AS_OF,
);
let next = 0;
const period = (
  country: string,
  from: string,
  to: string,
  source = country === 'KG'
    ? InsurancePeriodSource.DOMESTIC
    : InsurancePeriodSource.PARTNER_REPORTED,
): EntitlementPeriodInput => ({ id: `p${++next}`, country, from: day(from), to: day(to), source });

const entitlement = (
  periods: EntitlementPeriodInput[],
  sex: Sex | null = Sex.MALE,
  birthDate: Date | null = day('1962-03-15'),
) => computeEntitlement({ asOf: AS_OF, sex, birthDate, periods, coverage: COVERAGE });

describe('the Kyrgyz old-age pension rules', () => {
  it('are 63 and 25 years for men, 58 and 20 for women, citing the law', () => {
    expect(KYRGYZ_OLD_AGE_PENSION.retirementAge).toEqual({ MALE: 63, FEMALE: 58 });
    expect(KYRGYZ_OLD_AGE_PENSION.fullRecordYears).toEqual({ MALE: 25, FEMALE: 20 });
    expect(KYRGYZ_OLD_AGE_PENSION.legalBasis).toMatch(/No\. 57 of 21 July 1997/);
  });

  it('reaches the age on the birthday, 29 February on 1 March', () => {
    expect(anniversary(day('1962-03-15'), 63)).toEqual(day('2025-03-15'));
    expect(anniversary(day('1964-02-29'), 63)).toEqual(day('2027-03-01'));
  });
});

describe('computeEntitlement', () => {
  it('does not sum foreign periods when the Kyrgyz record alone is enough', () => {
    const result = entitlement([
      period('KG', '1990-01-01', '2016-12-31'),
      period('RU', '2021-01-01', '2023-12-31'),
    ]);
    expect(result.kyrgyzRecord.years).toBe(27);
    expect(result.totalized).toBe(false);
    expect(result.foreignRecord.totalDays).toBe(0);
    expect(result.fullRecordReached).toBe(true);
    expect(result.periods[1]).toMatchObject({
      country: 'RU',
      counted: false,
      countedDays: 0,
      reason: 'not summed: the Kyrgyz record alone reaches the 25 years of a full pension',
    });
  });

  it('sums Russian periods from 2021 under the EAEU agreement only, and says why for the rest', () => {
    const result = entitlement([
      period('KG', '2000-01-01', '2019-12-31'),
      period('RU', '2020-01-01', '2021-12-31'),
      period('RU', '2022-01-01', '2024-12-31'),
    ]);
    expect(result.totalized).toBe(true);
    expect(result.periods.map((p) => [p.country, p.counted, p.countedDays, p.agreement])).toEqual([
      ['KG', true, 7305, null],
      ['RU', true, 365, 'EAEU-2019'],
      ['RU', true, 1096, 'EAEU-2019'],
    ]);
    expect(result.periods[1]!.reason).toBe(
      'summed under EAEU-2019 for 2021-01-01..2021-12-31 only',
    );
    expect(result.periods[2]!.reason).toBe('summed under EAEU-2019');
    expect(result.foreignRecord.totalDays).toBe(365 + 1096);
    expect(result.totalRecord.totalDays).toBe(7305 + 365 + 1096);
    expect(result.fullRecordReached).toBe(false);
  });

  it('counts no Russian period before 2021: Russia left the CIS agreement after 2022', () => {
    const result = entitlement([
      period('KG', '2000-01-01', '2009-12-31'),
      period('RU', '2010-01-01', '2020-12-31'),
    ]);
    expect(result.periods[1]).toMatchObject({ counted: false, countedDays: 0 });
    expect(result.periods[1]!.reason).toBe(
      'not counted: outside the periods its agreements cover (EAEU-2019 from 2021-01-01) (CIS-1992 ceased to apply to RU after 2022-12-31)',
    );
  });

  it('counts Kazakh periods before 2021 under the CIS agreement and after under the EAEU one', () => {
    const result = entitlement(
      [period('KZ', '2019-01-01', '2022-12-31')],
      Sex.FEMALE,
      day('1967-05-01'),
    );
    expect(result.periods[0]).toMatchObject({ counted: true, countedDays: 1461 });
    expect(result.periods[0]!.agreement).toMatch(/CIS-1992.*EAEU-2019|EAEU-2019.*CIS-1992/);
    expect(result.requiredRecord?.years).toBe(20);
    expect(result.retirementAge).toBe(58);
    expect(result.retirementAgeReachedOn).toEqual(day('2025-05-01'));
    expect(result.ageReached).toBe(true);
  });

  it('sums Turkish periods of any date, and no Korean or US ones, each with its reason', () => {
    const result = entitlement([
      period('TR', '2012-01-01', '2013-12-31'),
      period('KR', '2014-01-01', '2015-12-31'),
      period('US', '2016-01-01', '2016-12-31'),
    ]);
    expect(result.periods.map((p) => [p.country, p.counted, p.reason])).toEqual([
      ['TR', true, 'summed under KG-TR-2018'],
      [
        'KR',
        false,
        'not counted: KG-KR-2015 provides a lump-sum refund only, periods in KR are not summed',
      ],
      ['US', false, 'not counted: no agreement in force with US sums its periods'],
    ]);
  });

  it('counts voluntary contributions from abroad as Kyrgyz record', () => {
    const result = entitlement([
      period('RU', '2015-01-01', '2015-12-31', InsurancePeriodSource.VOLUNTARY_FROM_ABROAD),
    ]);
    expect(result.kyrgyzRecord.totalDays).toBe(365);
    expect(result.periods[0]).toMatchObject({ counted: true, agreement: null });
    expect(result.periods[0]!.reason).toMatch(/voluntary contributions/);
  });

  it('leaves out the days after asOf, and periods that start after it', () => {
    const result = entitlement([
      period('KG', '2025-06-01', '2025-12-31'),
      period('KZ', '2026-01-01', '2026-01-31'),
    ]);
    expect(result.kyrgyzRecord.totalDays).toBe(30);
    expect(result.periods[0]).toMatchObject({ counted: true, countedDays: 30 });
    expect(result.periods[1]).toMatchObject({
      counted: false,
      reason: 'not counted: starts after 2025-06-30',
    });
  });

  it('without the sex, knows neither age nor full record, and sums what agreements cover', () => {
    const result = entitlement(
      [period('KG', '2000-01-01', '2030-01-01'), period('TR', '1995-01-01', '1995-12-31')],
      null,
      null,
    );
    expect(result).toMatchObject({
      retirementAge: null,
      retirementAgeReachedOn: null,
      ageReached: null,
      requiredRecord: null,
      fullRecordReached: null,
      totalized: true,
    });
  });

  it('without the birth date, knows the age but not the day it is reached', () => {
    const result = entitlement([], Sex.FEMALE, null);
    expect(result).toMatchObject({
      retirementAge: 58,
      retirementAgeReachedOn: null,
      ageReached: null,
    });
    expect(result.totalRecord.totalDays).toBe(0);
  });
});
