import type { PartnerRegistry } from './partner.loader';
import type {
  PartnerAgreementRecord,
  PensionAgreementRecord,
  PensionPartnerRecord,
} from './partner.model';
import { PensionAgreementBenefit } from './partner.type';

/** Insurance periods an agreement covers, both bounds included; null means unbounded. */
export interface CoverageWindow {
  agreement: string;
  from: Date | null;
  until: Date | null;
}

/** A span of days, both included, at UTC midnights. */
export interface DaySpan {
  from: Date;
  to: Date;
}

const later = (a: Date | null, b: Date | null) => (a === null ? b : b === null || a > b ? a : b);
const earlier = (a: Date | null, b: Date | null) => (a === null ? b : b === null || a < b ? a : b);

/**
 * The periods an agreement covers for one partner: the agreement's bounds narrowed by the
 * partner's (Russia's reliance on the CIS agreement stops at 2020-12-31). Null when the agreement
 * sums no periods (a lump-sum refund), so nothing is exchanged or counted under it.
 */
export function coverageOf(
  agreement: PensionAgreementRecord,
  relied: Pick<PartnerAgreementRecord, 'periodsFrom' | 'periodsUntil'>,
): CoverageWindow | null {
  if (agreement.benefit === PensionAgreementBenefit.LUMP_SUM_REFUND) return null;
  const from = later(agreement.periodsFrom, relied.periodsFrom);
  const until = earlier(agreement.periodsUntil, relied.periodsUntil);
  if (from && until && from > until) return null;
  return { agreement: agreement._id, from, until };
}

/** Whether a partner still relies on an agreement on a day (it did not leave it before). */
export function reliedOn(relied: Pick<PartnerAgreementRecord, 'endedOn'>, on: Date): boolean {
  return relied.endedOn === null || on <= relied.endedOn;
}

/** Windows merged into disjoint ones in order: a day in two windows is covered once. */
function mergeWindows(coverage: readonly CoverageWindow[]): CoverageWindow[] {
  const sorted = [...coverage].sort(
    (a, b) => (a.from?.getTime() ?? -Infinity) - (b.from?.getTime() ?? -Infinity),
  );
  const merged: CoverageWindow[] = [];
  for (const window of sorted) {
    const last = merged[merged.length - 1];
    const touches =
      last &&
      (last.until === null ||
        window.from === null ||
        window.from.getTime() <= last.until.getTime() + 86_400_000);
    if (last && touches) {
      last.until =
        last.until === null || window.until === null ? null : later(last.until, window.until);
      if (!last.agreement.split(', ').includes(window.agreement))
        last.agreement = `${last.agreement}, ${window.agreement}`;
    } else {
      merged.push({ ...window });
    }
  }
  return merged;
}

/**
 * Treaty scope: the parts of the periods that the coverage windows include, each clipped to the
 * window (a period straddling 2021-01-01 under the EAEU agreement keeps only its days from that
 * date); periods outside every window are left out. Input order is kept.
 */
export function periodsCoveredBy<T extends DaySpan>(
  coverage: readonly CoverageWindow[],
  periods: readonly T[],
): (T & { coveredBy: string })[] {
  const windows = mergeWindows(coverage);
  return periods.flatMap((period) =>
    windows.flatMap((window) => {
      const from = later(period.from, window.from)!;
      const to = earlier(period.to, window.until)!;
      return from <= to ? [{ ...period, from, to, coveredBy: window.agreement }] : [];
    }),
  );
}

/** What the registry says about summing periods of one foreign country, on a day. */
export interface CountryCoverage {
  /** Windows of agreements under which the country's periods are counted. */
  windows: CoverageWindow[];
  /** Agreements with the country that refund contributions instead of summing periods. */
  lumpSumOnly: string[];
  /** Agreements the country's institutions have left, with the last day they applied. */
  ended: { agreement: string; endedOn: Date }[];
}

/**
 * Per foreign country, the agreements in force on `on` under which its periods count for a
 * Kyrgyz pension, from the partners of that country and the agreements they rely on.
 */
export function coverageByCountry(
  agreements: ReadonlyMap<string, PensionAgreementRecord>,
  partners: readonly PensionPartnerRecord[],
  on: Date,
): Map<string, CountryCoverage> {
  const byCountry = new Map<string, CountryCoverage>();
  for (const partner of partners) {
    const entry = byCountry.get(partner.country) ?? { windows: [], lumpSumOnly: [], ended: [] };
    byCountry.set(partner.country, entry);
    for (const relied of partner.agreements) {
      const agreement = agreements.get(relied.agreement);
      if (!agreement || agreement.inForceFrom > on) continue;
      if (!reliedOn(relied, on)) {
        if (!entry.ended.some((e) => e.agreement === agreement._id))
          entry.ended.push({ agreement: agreement._id, endedOn: relied.endedOn! });
        continue;
      }
      const window = coverageOf(agreement, relied);
      if (window) entry.windows.push(window);
      else if (agreement.benefit === PensionAgreementBenefit.LUMP_SUM_REFUND)
        entry.lumpSumOnly.push(agreement._id);
    }
  }
  for (const agreement of agreements.values()) {
    if (agreement.benefit !== PensionAgreementBenefit.LUMP_SUM_REFUND) continue;
    for (const country of agreement.parties) {
      if (country === 'KG') continue;
      const entry = byCountry.get(country) ?? { windows: [], lumpSumOnly: [], ended: [] };
      byCountry.set(country, entry);
      if (!entry.lumpSumOnly.includes(agreement._id)) entry.lumpSumOnly.push(agreement._id);
    }
  }
  return byCountry;
}

/** The agreement of a case and how the case's partner relies on it. */
export interface CaseAgreement {
  agreement: PensionAgreementRecord;
  relied: PartnerAgreementRecord;
}

/**
 * The agreement a case is under, as its partner relies on it; null when the registry no longer
 * lists the agreement or the partner's reliance on it, so that nothing is exchanged under it.
 */
export function caseAgreementOf(
  registry: PartnerRegistry,
  exchangeCase: { partnerCode: string; agreementCode: string },
): CaseAgreement | null {
  const agreement = registry.agreements.get(exchangeCase.agreementCode);
  const relied = registry.partners
    .get(exchangeCase.partnerCode)
    ?.agreements.find((a) => a.agreement === exchangeCase.agreementCode);
  return agreement && relied ? { agreement, relied } : null;
}

/**
 * Treaty scope for one decision: it takes effect while the agreement applies to the partner (from
 * its entry into force to the day the partner's state left it).
 */
export function isDecisionCovered(
  agreement: Pick<PensionAgreementRecord, 'inForceFrom'>,
  relied: Pick<PartnerAgreementRecord, 'endedOn'>,
  effectiveOn: Date,
): boolean {
  return effectiveOn >= agreement.inForceFrom && reliedOn(relied, effectiveOn);
}

/** Treaty scope for decisions: those isDecisionCovered lets through, in input order. */
export function decisionsCoveredBy<T extends { effectiveOn: Date }>(
  agreement: Pick<PensionAgreementRecord, 'inForceFrom'>,
  relied: Pick<PartnerAgreementRecord, 'endedOn'>,
  decisions: readonly T[],
): T[] {
  return decisions.filter((decision) => isDecisionCovered(agreement, relied, decision.effectiveOn));
}
