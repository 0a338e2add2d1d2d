import { AgeBand, ageBandOf, ageOn, birthDateRange } from './age-band';

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const iso = (date: Date | null) => date && date.toISOString().slice(0, 10);

describe('ageOn', () => {
  const on = day('2026-11-24');
  it.each([
    ['2000-11-24', 26, 'the birthday itself'],
    ['2000-11-25', 25, 'the day before the birthday'],
    ['2000-11-23', 26, 'the day after the birthday'],
    ['2000-10-30', 26, 'an earlier month'],
    ['2000-12-01', 25, 'a later month'],
    ['2026-11-24', 0, 'born that day'],
  ])('born %s: %i (%s)', (birth, age) => {
    expect(ageOn(day(birth), on)).toBe(age);
  });
  it('counts a 29 February birthday from 1 March in other years', () => {
    expect(ageOn(day('2004-02-29'), day('2023-02-28'))).toBe(18);
    expect(ageOn(day('2004-02-29'), day('2023-03-01'))).toBe(19);
  });
});

describe('ageBandOf', () => {
  it.each([
    [0, AgeBand.AGE_0_14],
    [14, AgeBand.AGE_0_14],
    [15, AgeBand.AGE_15_29],
    [29, AgeBand.AGE_15_29],
    [30, AgeBand.AGE_30_44],
    [44, AgeBand.AGE_30_44],
    [45, AgeBand.AGE_45_59],
    [59, AgeBand.AGE_45_59],
    [60, AgeBand.AGE_60_PLUS],
    [104, AgeBand.AGE_60_PLUS],
  ])('puts age %i in %s', (age, band) => {
    expect(ageBandOf(age)).toBe(band);
  });
});

describe('birthDateRange', () => {
  const on = day('2026-11-24');
  it.each([
    [AgeBand.AGE_0_14, '2011-11-25', '2026-11-24'],
    [AgeBand.AGE_15_29, '1996-11-25', '2011-11-24'],
    [AgeBand.AGE_30_44, '1981-11-25', '1996-11-24'],
    [AgeBand.AGE_45_59, '1966-11-25', '1981-11-24'],
    [AgeBand.AGE_60_PLUS, null, '1966-11-24'],
  ])('%s: born from %s to %s', (band, from, to) => {
    const range = birthDateRange(band, on);
    expect(iso(range.from)).toBe(from);
    expect(iso(range.to)).toBe(to);
  });
  it('keeps the bounds at UTC midnight across a month end', () => {
    const range = birthDateRange(AgeBand.AGE_15_29, day('2026-12-31'));
    expect(range.from?.toISOString()).toBe('1997-01-01T00:00:00.000Z');
    expect(range.to.toISOString()).toBe('2011-12-31T00:00:00.000Z');
  });
});
