import { GraphQLScalarType, Kind } from 'graphql';
import { badUserInput } from '../errors';

/**
 * Whether the numbers name a real day from 1900 on. Date.UTC rolls an impossible month or day over
 * into another month (13 into January, 31 April into May, day 0 into the month before, day 366
 * into the same month a year on), which the month or the day then fails to match.
 */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1900) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Parses `YYYY-MM-DD` into a Date at UTC midnight; anything else is a BAD_USER_INPUT. */
export function parseIsoDate(value: unknown, field = 'date'): Date {
  if (typeof value !== 'string')
    throw badUserInput(field, value, 'must be a date string YYYY-MM-DD');
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m || !isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw badUserInput(field, value, 'must be a real calendar date YYYY-MM-DD from 1900 on');
  }
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

export function formatIsoDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/**
 * The Kyrgyz Republic's clock: Asia/Bishkek is UTC+6 all year (no daylight saving time since
 * 2005), so its calendar day is the UTC day of the instant six hours later.
 */
export const BISHKEK_UTC_OFFSET_MS = 6 * 60 * 60 * 1000;

/**
 * Today's date in the Kyrgyz Republic (Asia/Bishkek), at UTC midnight like every stored date: the
 * bound for "not in the future" checks and the day ages are counted on. At 02:00 in Bishkek it is
 * still the previous day in UTC, and a fact of that morning is not in the future.
 */
export function today(now: Date = new Date()): Date {
  const local = new Date(now.getTime() + BISHKEK_UTC_OFFSET_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()));
}

/** Refuses a date after today in the Kyrgyz Republic: a recorded fact has already happened. */
export function checkNotInFuture(field: string, value: Date, now: Date = new Date()): void {
  if (value > today(now))
    throw badUserInput(field, formatIsoDate(value), 'must not be in the future');
}

/**
 * Refuses a date before the person's birth: no insurance period, contribution, job, screening or
 * stay abroad can precede it. The birth date itself is not named: the caller gave the record's
 * date, not asked for the person's.
 */
export function checkNotBeforeBirth(field: string, value: Date, birthDate: Date | null): void {
  if (birthDate && value < birthDate)
    throw badUserInput(field, formatIsoDate(value), "must not be before the person's birth");
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, ISO 8601 YYYY-MM-DD.',
  serialize: (value) => {
    if (value instanceof Date && !Number.isNaN(value.getTime())) return formatIsoDate(value);
    if (typeof value === 'string') return formatIsoDate(parseIsoDate(value));
    throw new TypeError(`Date cannot serialize ${String(value)}`);
  },
  parseValue: (value) => parseIsoDate(value),
  parseLiteral: (ast) => parseIsoDate(ast.kind === Kind.STRING ? ast.value : undefined),
});
