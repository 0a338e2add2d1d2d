import { AgeBand, ageBandOf, ageOn, birthDateRange } from './age-band';
import { parseCountryCode } from './country-code';
import { parseIsoDate, formatIsoDate } from './date';
import { parsePin, PinScalar } from './pin';
import { parseRegion } from './region';

describe('PIN', () => {
  it.each(['10503199012345', '22902200000001', '20101190000000'])('accepts %s', (pin) => {
    expect(parsePin(pin)).toBe(pin);
  });
  it.each([
    ['13102199012345', 'day 31 of February'],
    ['12902199912345', '29 February of a non-leap year'],
    ['30503199012345', 'first digit 3'],
    ['0503199012345', '13 digits'],
    [' 10503199012345', 'leading space'],
    ['10503189912345', 'year before 1900'],
  ])('rejects %s (%s) with BAD_USER_INPUT', (pin) => {
    expect(() => parsePin(pin)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    );
  });
  it.each([{ $ne: null }, 10503199012345, null, ['10503199012345']])(
    'rejects the non-string %p',
    (value) => {
      expect(() => PinScalar.parseValue(value)).toThrow(/PIN string/);
    },
  );
});

describe('CountryCode', () => {
  it.each(['RU', 'KZ', 'TR', 'KR', 'US', 'DE', 'AE'])('accepts %s', (code) =>
    expect(parseCountryCode(code)).toBe(code),
  );
  it.each(['ru', 'XX', 'RUS', 'EU', '', 7])('rejects %p', (code) =>
    expect(() => parseCountryCode(code)).toThrow(/ISO 3166-1/),
  );
});

describe('Region', () => {
  it('accepts the nine ISO 3166-2:KG codes and nothing else', () => {
    for (const code of ['KG-B', 'KG-C', 'KG-J', 'KG-N', 'KG-O', 'KG-T', 'KG-Y', 'KG-GB', 'KG-GO']) {
      expect(parseRegion(code)).toBe(code);
    }
    expect(() => parseRegion('KG-X')).toThrow(/KG-B, KG-C/);
    expect(() => parseRegion('toString')).toThrow();
  });
});

describe('Date', () => {
  it('round-trips a calendar date and rejects impossible ones', () => {
    expect(formatIsoDate(parseIsoDate('2024-02-29'))).toBe('2024-02-29');
    expect(() => parseIsoDate('2023-02-29')).toThrow(/calendar date/);
    expect(() => parseIsoDate('2024-2-1')).toThrow(/YYYY-MM-DD/);
    expect(() => parseIsoDate(20240101)).toThrow(/date string/);
  });
});

describe('age bands', () => {
  const on = new Date(Date.UTC(2026, 10, 24));
  it('computes age in whole years', () => {
    expect(ageOn(new Date(Date.UTC(2000, 10, 24)), on)).toBe(26);
    expect(ageOn(new Date(Date.UTC(2000, 10, 25)), on)).toBe(25);
    expect(ageBandOf(15)).toBe(AgeBand.AGE_15_29);
    expect(ageBandOf(29)).toBe(AgeBand.AGE_15_29);
    expect(ageBandOf(60)).toBe(AgeBand.AGE_60_PLUS);
  });
  it('turns a band into the birth dates whose age falls in it', () => {
    const { from, to } = birthDateRange(AgeBand.AGE_15_29, on);
    expect(formatIsoDate(from!)).toBe('1996-11-25');
    expect(formatIsoDate(to)).toBe('2011-11-24');
    expect(ageOn(from!, on)).toBe(29);
    expect(ageOn(to, on)).toBe(15);
    expect(birthDateRange(AgeBand.AGE_60_PLUS, on).from).toBeNull();
  });
});
