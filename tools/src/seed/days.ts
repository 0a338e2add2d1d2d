/**
 * Calendar days as integers (days since 1970-01-01, UTC): the generator reasons in whole days, and
 * only turns them into `Date`s (UTC midnight, as the services store them) when it writes a record.
 */

const DAY_MS = 86_400_000;

export function dayOf(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS);
}

export function dateOf(day: number): Date {
  return new Date(day * DAY_MS);
}

/** The same calendar day `years` later (29 February rolls over to 1 March). */
export function addYears(day: number, years: number): number {
  const d = dateOf(day);
  return dayOf(new Date(Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth(), d.getUTCDate())));
}

/** The first day of the month that `day` falls in. */
export function monthStart(day: number): number {
  const d = dateOf(day);
  return dayOf(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)));
}

/** The first day of the month after the one `day` falls in. */
export function nextMonthStart(day: number): number {
  const d = dateOf(day);
  return dayOf(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)));
}

/** `YYYY-MM` of the month `day` falls in. */
export function monthKey(day: number): string {
  return dateOf(day).toISOString().slice(0, 7);
}

/** DDMMYYYY, the birth-date part of a PIN. */
export function pinDate(day: number): string {
  const iso = dateOf(day).toISOString();
  return iso.slice(8, 10) + iso.slice(5, 7) + iso.slice(0, 4);
}
