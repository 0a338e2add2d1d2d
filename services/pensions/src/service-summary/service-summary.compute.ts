import { HOME_COUNTRY } from '../insurance-period/insurance-period.type';
import type { InsuranceServiceSummary, ServiceLength } from './service-summary.type';

/** The part of a period the summary needs; dates are UTC midnights, both days included. */
export interface PeriodSpan {
  country: string;
  from: Date;
  to: Date;
}

const DAY_MS = 86_400_000;

// Totalisation convention of pension agencies: 1 month = 30 days and 1 year = 12 months (360 days).
export const DAYS_PER_MONTH = 30;
export const MONTHS_PER_YEAR = 12;

/** Splits a count of days into years, months and days by the 30-day month, 12-month year rule. */
export function toServiceLength(totalDays: number): ServiceLength {
  if (!Number.isSafeInteger(totalDays) || totalDays < 0) {
    throw new RangeError(`totalDays must be a non-negative integer; got ${totalDays}`);
  }
  const totalMonths = Math.floor(totalDays / DAYS_PER_MONTH);
  return {
    years: Math.floor(totalMonths / MONTHS_PER_YEAR),
    months: totalMonths % MONTHS_PER_YEAR,
    days: totalDays % DAYS_PER_MONTH,
    totalDays,
  };
}

/** Calendar days from `from` to `to`, both included: a one-day period counts 1. */
export function daysInclusive(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / DAY_MS) + 1;
}

/**
 * Days covered by the spans, each calendar day counted once. Stored periods of a person never
 * overlap, so this equals the sum of their lengths; merging keeps data written around the API
 * from being counted twice.
 */
export function coveredDays(spans: readonly PeriodSpan[]): number {
  const sorted = [...spans].sort((a, b) => a.from.getTime() - b.from.getTime());
  let total = 0;
  let end: number | null = null;
  for (const { from, to } of sorted) {
    const start = from.getTime();
    const stop = to.getTime();
    if (end === null || start > end) {
      total += daysInclusive(from, to);
      end = stop;
    } else if (stop > end) {
      total += Math.round((stop - end) / DAY_MS);
      end = stop;
    }
  }
  return total;
}

/** The service summary of one person's periods: KG counts as home, every other country as abroad. */
export function summariseService(periods: readonly PeriodSpan[]): InsuranceServiceSummary {
  const home = periods.filter((period) => period.country === HOME_COUNTRY);
  const abroad = periods.filter((period) => period.country !== HOME_COUNTRY);
  return {
    home: toServiceLength(coveredDays(home)),
    abroad: toServiceLength(coveredDays(abroad)),
    total: toServiceLength(coveredDays(periods)),
    periodsAbroad: abroad.length,
    countries: [...new Set(periods.map((period) => period.country))].sort(),
  };
}
