import { formatIsoDate, isCalendarDate, parseIsoDate, today } from './date';

const CALENDAR = /date must be a real calendar date YYYY-MM-DD from 1900 on; got/;
const NOT_A_STRING = /date must be a date string YYYY-MM-DD; got/;

describe('isCalendarDate', () => {
  it.each([
    [1900, 1, 1],
    [2024, 2, 29],
    [2000, 2, 29],
    [2023, 12, 31],
    [2023, 1, 31],
  ])('holds for %i-%i-%i', (year, month, day) => {
    expect(isCalendarDate(year, month, day)).toBe(true);
  });
  it.each([
    [1899, 12, 31, 'before 1900'],
    [1900, 2, 29, 'not a leap year'],
    [2023, 2, 29, 'not a leap year'],
    [2024, 2, 30, 'past the end of February'],
    [2024, 4, 31, 'past the end of April'],
    [2024, 0, 10, 'month 0'],
    [2024, 13, 1, 'month 13'],
    [2024, 1, 0, 'day 0'],
    [2024, 1, 32, 'day 32'],
    [2024, -1, 10, 'a negative month'],
    [2023, 1, 366, 'a year of days on, the same month'],
    [2024, 13, 1, 'month 13, day 1'],
    [1899, 13, 1, 'month 13 of 1899, which is January 1900'],
    [2024, 1.5, 1, 'a fractional month'],
  ])('fails for %i-%i-%i (%s)', (year, month, day) => {
    expect(isCalendarDate(year, month, day)).toBe(false);
  });
});

describe('parseIsoDate', () => {
  it.each([
    ['2024-02-29', 1709164800000],
    ['1900-01-01', -2208988800000],
    ['2023-12-31', 1703980800000],
  ])('reads %s as UTC midnight', (text, time) => {
    expect(parseIsoDate(text).getTime()).toBe(time);
  });
  it.each([
    '2023-02-29',
    '1899-12-31',
    '2024-13-01',
    '2024-00-10',
    '2024-01-00',
    '2024-04-31',
    '2024-2-1',
    '24-02-01',
    ' 2024-01-01',
    '2024-01-01 ',
    '2024-01-01\n',
    '2024-01-01T00:00:00Z',
    '+02024-01-01',
    '2024/01/01',
    '',
  ])('refuses %j', (text) => {
    expect(() => parseIsoDate(text)).toThrow(CALENDAR);
  });
  it.each([20240101, null, undefined, new Date(Date.UTC(2024, 0, 1)), { $gt: '' }])(
    'refuses the non-string %p',
    (value) => {
      expect(() => parseIsoDate(value)).toThrow(NOT_A_STRING);
    },
  );
  it('names the field it was given, with BAD_USER_INPUT', () => {
    expect(() => parseIsoDate('2023-02-29', 'paidOn')).toThrow(
      expect.objectContaining({
        message: 'paidOn must be a real calendar date YYYY-MM-DD from 1900 on; got "2023-02-29"',
        extensions: { code: 'BAD_USER_INPUT', field: 'paidOn' },
      }),
    );
  });
});

describe('formatIsoDate and today', () => {
  it('formats the UTC day', () => {
    expect(formatIsoDate(new Date(1709164800000))).toBe('2024-02-29');
    expect(formatIsoDate(new Date('2024-02-29T23:59:59.999Z'))).toBe('2024-02-29');
  });
  it('truncates an instant to the midnight of its Bishkek day (UTC+6)', () => {
    expect(today(new Date('2026-11-30T23:59:59.999Z')).toISOString()).toBe(
      '2026-12-01T00:00:00.000Z',
    );
    expect(today(new Date('2024-02-29T00:00:00.000Z')).toISOString()).toBe(
      '2024-02-29T00:00:00.000Z',
    );
  });
  it('defaults to the current Bishkek day', () => {
    const inBishkek = Date.now() + 6 * 3_600_000;
    const day = today().getTime();
    expect(day % 86_400_000).toBe(0);
    expect(inBishkek - day).toBeGreaterThanOrEqual(0);
    expect(inBishkek - day).toBeLessThan(86_400_000 + 1000);
  });
});
