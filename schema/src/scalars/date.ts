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

/** Today's date at UTC midnight, the bound for "not in the future" checks. */
export function today(now: Date = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
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
