import { GraphQLScalarType, Kind } from 'graphql';
import { badUserInput } from '../errors';
import { isCalendarDate } from './date';

/** A PIN's length: every PIN is this many digits, so their text order is their number order. */
export const PIN_DIGITS = 14;
/** The lowest and highest PINs there can be (the first digit is 1 or 2). */
export const PIN_RANGE = { lowest: '10000000000000', highest: '29999999999999' } as const;

/**
 * Validates a personal identification number: 14 digits, the first 1 or 2, digits 2-9 a real
 * calendar date (DDMMYYYY). The structure is only observed in public samples, so nothing else in
 * Jol may derive sex or birth date from a PIN.
 */
export function parsePin(value: unknown, field = 'pin'): string {
  if (typeof value !== 'string')
    throw badUserInput(field, value, 'must be a PIN string of 14 digits');
  if (!/^[0-9]{14}$/.test(value)) throw badUserInput(field, value, 'must be exactly 14 digits');
  if (value[0] !== '1' && value[0] !== '2') {
    throw badUserInput(field, value, 'must start with 1 or 2');
  }
  const day = Number(value.slice(1, 3));
  const month = Number(value.slice(3, 5));
  const year = Number(value.slice(5, 9));
  if (!isCalendarDate(year, month, day)) {
    throw badUserInput(field, value, 'must hold a real calendar date (DDMMYYYY) in digits 2-9');
  }
  return value;
}

export const PinScalar = new GraphQLScalarType({
  name: 'PIN',
  description:
    'Personal identification number of the Kyrgyz civil registry: 14 digits, first digit 1 or 2, digits 2-9 a calendar date.',
  serialize: (value) => parsePin(value),
  parseValue: (value) => parsePin(value),
  parseLiteral: (ast) => parsePin(ast.kind === Kind.STRING ? ast.value : undefined),
});
