import { Sex } from '@jol/kernel';
import { IndicatorCubeBuilder, PersonYearChoices } from './indicator-cube.builder';
import { statisticalUnitOf } from './statistical-unit.model';

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const AIDA = {
  pin: '21506199600011',
  sex: Sex.FEMALE,
  birthDate: day('1996-06-15'),
  homeRegion: 'KG-O' as const,
};
/** Planted record keys, so that sums can be checked by hand. */
const KEYS: Record<string, number> = {
  '21506199600011': 4_000_000_000,
  '21506199600022': 500_000_000,
  '10101201500001': 7,
};
const keys = (pin: string) => KEYS[pin]!;

describe('IndicatorCubeBuilder', () => {
  const builder = new IndicatorCubeBuilder(day('2025-08-31'), keys);

  it('counts a year up to 31 December, the current year up to asOf', () => {
    expect(builder.referenceDay(2024)).toEqual(day('2024-12-31'));
    expect(builder.referenceDay(2025)).toEqual(day('2025-08-31'));
  });

  it('lists the covered years a span touches, from 2000 to asOf', () => {
    expect(builder.yearsTouched(day('1998-03-01'), day('2001-02-01'))).toEqual([2000, 2001]);
    expect(builder.yearsTouched(day('2024-05-01'), null)).toEqual([2024, 2025]);
    expect(builder.yearOf(day('2025-09-01'))).toBeNull();
    expect(builder.yearOf(day('1999-12-31'))).toBeNull();
  });

  it('takes the age band on the reference day', () => {
    // 29 on 31 Dec 2024 and 30 after 15 June 2026: still 29 on asOf 31 Aug 2025.
    expect(builder.ageBandIn(AIDA, 2024)).toBe('AGE_15_29');
    expect(builder.ageBandIn(AIDA, 2025)).toBe('AGE_15_29');
    expect(new IndicatorCubeBuilder(day('2026-12-31'), keys).ageBandIn(AIDA, 2026)).toBe(
      'AGE_30_44',
    );
  });

  it('sums persons into cells keyed by every dimension', () => {
    const b = new IndicatorCubeBuilder(day('2025-12-31'), keys);
    b.add('departures', 2025, AIDA, 'RU');
    b.add(
      'departures',
      2025,
      { ...AIDA, pin: '21506199600022', birthDate: day('1997-01-01') },
      'RU',
    );
    b.add('departures', 2025, AIDA, 'KZ');
    b.add('employedAbroadBySector', 2025, AIDA, 'RU', 'CATERING');
    expect(b.cells('b1')).toEqual([
      expect.objectContaining({ measure: 'departures', destination: 'KZ', persons: 1 }),
      expect.objectContaining({
        _id: 'b1|departures|2025|KG-O|FEMALE|AGE_15_29|RU|',
        build: 'b1',
        year: 2025,
        region: 'KG-O',
        sex: 'FEMALE',
        ageBand: 'AGE_15_29',
        destination: 'RU',
        category: null,
        persons: 2,
        // 4,000,000,000 + 500,000,000 modulo 2^32.
        keySum: 205_032_704,
      }),
      expect.objectContaining({ measure: 'employedAbroadBySector', category: 'CATERING' }),
    ]);
  });
});

describe('IndicatorCubeBuilder record keys', () => {
  it('sums the key of the record counted: the person, or the one counted by their dimensions', () => {
    const b = new IndicatorCubeBuilder(day('2025-12-31'), keys);
    b.add('personsAbroad', 2025, AIDA, 'RU');
    b.add('childrenWithParentAbroad', 2025, AIDA, 'RU', null, '10101201500001');
    expect(b.cells('b1').map((c) => [c.measure, c.persons, c.keySum])).toEqual([
      ['childrenWithParentAbroad', 1, 7],
      ['personsAbroad', 1, 4_000_000_000],
    ]);
  });
});

describe('PersonYearChoices', () => {
  it('keeps the latest event per measure and year', () => {
    const choices = new PersonYearChoices<string>();
    choices.offer('departures', 2025, day('2025-09-01'), 'KZ');
    choices.offer('departures', 2025, day('2025-02-01'), 'RU');
    choices.offer('departures', 2024, day('2024-02-01'), 'TR');
    const seen: string[] = [];
    choices.forEach((measure, year, country) => seen.push(`${measure} ${year} ${country}`));
    expect(seen.sort()).toEqual(['departures 2024 TR', 'departures 2025 KZ']);
  });
});

describe('statisticalUnitOf', () => {
  it('takes the latest destination and the first return from the stays', () => {
    const unit = statisticalUnitOf(
      { ...AIDA, pin: '11506199600011' },
      [
        { departedOn: day('2019-03-01'), returnedOn: day('2020-01-10'), country: 'RU' },
        { departedOn: day('2022-03-01'), returnedOn: null, country: 'TR' },
        { departedOn: day('2020-06-01'), returnedOn: day('2021-01-10'), country: 'KZ' },
      ],
      day('2026-01-01'),
    );
    expect(unit).toEqual({
      ...AIDA,
      pin: '11506199600011',
      lastDestination: 'TR',
      firstReturnOn: day('2020-01-10'),
      refreshedAt: day('2026-01-01'),
    });
  });

  it('gives a person never abroad no destination and no return', () => {
    const unit = statisticalUnitOf({ ...AIDA, pin: '11506199600011' }, [], day('2026-01-01'));
    expect(unit).toMatchObject({ lastDestination: null, firstReturnOn: null });
  });
});
