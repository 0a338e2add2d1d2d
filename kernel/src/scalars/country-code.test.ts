import { Kind } from 'graphql';
import { CountryCodeScalar, isCountryCode, parseCountryCode } from './country-code';

const CONTRACT = /country must be an ISO 3166-1 alpha-2 country code such as "RU"; got/;

describe('CountryCode', () => {
  it.each(['RU', 'KZ', 'TR', 'KR', 'US', 'DE', 'AE', 'KG'])('accepts %s', (code) => {
    expect(parseCountryCode(code)).toBe(code);
    expect(isCountryCode(code)).toBe(true);
  });
  it.each([
    ['ru', 'lower case'],
    ['Ru', 'mixed case'],
    ['XX', 'not assigned'],
    ['EU', 'reserved, not a country'],
    ['RUS', 'alpha-3'],
    ['643', 'numeric'],
    ['R', 'one letter'],
    [' RU', 'leading space'],
    ['RU\n', 'trailing newline'],
    ['', 'empty'],
  ])('refuses %j (%s)', (code) => {
    expect(() => parseCountryCode(code)).toThrow(CONTRACT);
    expect(isCountryCode(code)).toBe(false);
  });
  it.each([7, null, undefined, { $ne: null }, ['RU']])('refuses the non-string %p', (value) => {
    expect(() => CountryCodeScalar.parseValue(value)).toThrow(CONTRACT);
  });
  it('names the field it was given, with BAD_USER_INPUT', () => {
    expect(() => parseCountryCode('XX', 'destination')).toThrow(
      expect.objectContaining({
        message: 'destination must be an ISO 3166-1 alpha-2 country code such as "RU"; got "XX"',
        extensions: { code: 'BAD_USER_INPUT', field: 'destination' },
      }),
    );
  });
  it('parses string literals only and serializes only codes', () => {
    expect(CountryCodeScalar.parseLiteral({ kind: Kind.STRING, value: 'KZ' })).toBe('KZ');
    expect(() => CountryCodeScalar.parseLiteral({ kind: Kind.ENUM, value: 'KZ' })).toThrow(
      CONTRACT,
    );
    expect(CountryCodeScalar.serialize('TR')).toBe('TR');
    expect(() => CountryCodeScalar.serialize('tr')).toThrow(CONTRACT);
  });
});
