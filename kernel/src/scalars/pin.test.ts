import { Kind } from 'graphql';
import { parsePin, PinScalar } from './pin';

/** The contract a refusal must name, so each case proves the rule it is about. */
const LENGTH = /pin must be exactly 14 digits; got/;
const FIRST_DIGIT = /pin must start with 1 or 2; got/;
const CALENDAR = /pin must hold a real calendar date \(DDMMYYYY\) in digits 2-9; got/;

describe('PIN', () => {
  it.each([
    ['10503199012345', '5 March 1990, first digit 1'],
    ['22902200000001', '29 February 2000, a leap year divisible by 400'],
    ['20101190000000', '1 January 1900, the first year'],
    ['13112199900000', '31 December 1999'],
    ['12902202400000', '29 February 2024'],
    ['13101202500000', '31 January 2025'],
  ])('accepts %s (%s)', (pin) => {
    expect(parsePin(pin)).toBe(pin);
  });

  it.each([
    ['1050319901234', '13 digits'],
    ['105031990123456', '15 digits'],
    ['', 'empty'],
    [' 10503199012345', 'leading space'],
    ['10503199012345 ', 'trailing space'],
    ['10503199012345\n', 'trailing newline'],
    ['1050319901234a', 'a letter'],
    ['1050319901234\u0665', 'an Arabic-Indic digit'],
    ['1O503199012345', 'the letter O for zero'],
    ['+0503199012345', 'a sign'],
  ])('refuses %j (%s) for its length', (pin) => {
    expect(() => parsePin(pin)).toThrow(LENGTH);
  });

  it.each([
    ['00503199012345', 'first digit 0'],
    ['30503199012345', 'first digit 3'],
    ['90503199012345', 'first digit 9'],
  ])('refuses %s (%s) for its first digit', (pin) => {
    expect(() => parsePin(pin)).toThrow(FIRST_DIGIT);
  });

  it.each([
    ['13102199012345', 'day 31 of February'],
    ['12902199912345', '29 February of a non-leap year'],
    ['12902190000000', '29 February 1900, not a leap year'],
    ['13104199012345', '31 April'],
    ['10003199012345', 'day 00'],
    ['13203199012345', 'day 32'],
    ['10500199012345', 'month 00'],
    ['10513199012345', 'month 13'],
    ['13112189912345', '31 December 1899, before 1900'],
    ['10503000012345', 'year 0000'],
  ])('refuses %s (%s) for its date', (pin) => {
    expect(() => parsePin(pin)).toThrow(CALENDAR);
  });

  it('refuses with BAD_USER_INPUT naming the field it was given', () => {
    expect(() => parsePin('1050319901234', 'childPin')).toThrow(
      expect.objectContaining({
        message: 'childPin must be exactly 14 digits; got "1050319901234"',
        extensions: { code: 'BAD_USER_INPUT', field: 'childPin' },
      }),
    );
  });

  it.each([{ $ne: null }, 10503199012345, null, undefined, ['10503199012345'], true])(
    'refuses the non-string %p from variables',
    (value) => {
      expect(() => PinScalar.parseValue(value)).toThrow(/pin must be a PIN string of 14 digits/);
    },
  );

  it('parses string literals and refuses every other kind of literal', () => {
    expect(PinScalar.parseLiteral({ kind: Kind.STRING, value: '10503199012345' })).toBe(
      '10503199012345',
    );
    expect(() => PinScalar.parseLiteral({ kind: Kind.STRING, value: '1050319901234' })).toThrow(
      LENGTH,
    );
    expect(() => PinScalar.parseLiteral({ kind: Kind.INT, value: '10503199012345' })).toThrow(
      /PIN string/,
    );
  });

  it('serializes only PINs, so a malformed stored value is not sent out', () => {
    expect(PinScalar.serialize('10503199012345')).toBe('10503199012345');
    expect(PinScalar.parseValue('22902200000001')).toBe('22902200000001');
    expect(() => PinScalar.serialize('1050319901234')).toThrow(LENGTH);
    expect(() => PinScalar.serialize(10503199012345)).toThrow(/PIN string/);
  });
});
