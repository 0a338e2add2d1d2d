import {
  coveredDays,
  daysInclusive,
  summariseService,
  toServiceLength,
  type PeriodSpan,
} from './service-summary.compute';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const span = (country: string, from: string, to: string): PeriodSpan => ({
  country,
  from: day(from),
  to: day(to),
});

describe('daysInclusive', () => {
  it('counts both ends: a one-day period is one day', () => {
    expect(daysInclusive(day('2024-05-01'), day('2024-05-01'))).toBe(1);
    expect(daysInclusive(day('2024-05-01'), day('2024-05-02'))).toBe(2);
  });

  it('counts 29 February in a leap year and not otherwise', () => {
    expect(daysInclusive(day('2024-02-01'), day('2024-02-29'))).toBe(29);
    expect(daysInclusive(day('2023-02-01'), day('2023-02-28'))).toBe(28);
    expect(daysInclusive(day('2024-01-01'), day('2024-12-31'))).toBe(366);
    expect(daysInclusive(day('2023-01-01'), day('2023-12-31'))).toBe(365);
    expect(daysInclusive(day('1900-01-01'), day('1900-12-31'))).toBe(365);
    expect(daysInclusive(day('2000-01-01'), day('2000-12-31'))).toBe(366);
  });
});

describe('toServiceLength', () => {
  it.each([
    [0, 0, 0, 0],
    [1, 0, 0, 1],
    [29, 0, 0, 29],
    [30, 0, 1, 0],
    [359, 0, 11, 29],
    [360, 1, 0, 0],
    [365, 1, 0, 5],
    [366, 1, 0, 6],
    [3653, 10, 1, 23],
  ])('splits %d days into %d years, %d months, %d days', (totalDays, years, months, days) => {
    expect(toServiceLength(totalDays)).toEqual({ years, months, days, totalDays });
  });

  it.each([-1, 1.5, Number.NaN])('refuses %d', (totalDays) => {
    expect(() => toServiceLength(totalDays)).toThrow(RangeError);
  });
});

describe('coveredDays', () => {
  it('sums periods that do not overlap, in any order', () => {
    expect(
      coveredDays([span('KG', '2021-01-01', '2021-01-31'), span('KG', '2020-01-01', '2020-01-10')]),
    ).toBe(41);
  });

  it('counts a day shared by two periods once', () => {
    expect(
      coveredDays([span('RU', '2020-01-01', '2020-01-10'), span('KZ', '2020-01-10', '2020-01-20')]),
    ).toBe(20);
    expect(
      coveredDays([span('RU', '2020-01-01', '2020-12-31'), span('KZ', '2020-03-01', '2020-03-31')]),
    ).toBe(366);
  });

  it('is zero for no periods', () => {
    expect(coveredDays([])).toBe(0);
  });
});

describe('summariseService', () => {
  it('splits home (KG) from abroad and lists the countries', () => {
    const summary = summariseService([
      span('KG', '2015-01-01', '2015-12-31'),
      span('RU', '2016-01-01', '2019-12-31'),
      span('KZ', '2020-01-01', '2020-01-01'),
      span('RU', '2021-03-01', '2021-08-31'),
    ]);
    expect(summary.home).toEqual({ years: 1, months: 0, days: 5, totalDays: 365 });
    // 2016-2019: 366 + 365 + 365 + 365 = 1461; plus 1 day in KZ; plus 184 days in 2021.
    expect(summary.abroad).toEqual(toServiceLength(1461 + 1 + 184));
    expect(summary.abroad).toEqual({ years: 4, months: 6, days: 26, totalDays: 1646 });
    expect(summary.total).toEqual(toServiceLength(365 + 1646));
    expect(summary.periodsAbroad).toBe(3);
    expect(summary.countries).toEqual(['KG', 'KZ', 'RU']);
  });

  it('is all zero for a person with no periods', () => {
    const zero = { years: 0, months: 0, days: 0, totalDays: 0 };
    expect(summariseService([])).toEqual({
      home: zero,
      abroad: zero,
      total: zero,
      periodsAbroad: 0,
      countries: [],
    });
  });
});
