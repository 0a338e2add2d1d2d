import { ScreeningKind, ScreeningResult } from '../screening/screening.type';
import { TbOutcome } from '../tb-case/tb-case.type';
import { fitnessForWorkAbroadOn, latestScreening } from './fitness.status';
import { FitnessForWorkAbroad } from './fitness.type';

const now = new Date('2025-06-15T16:00:00Z');
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const { TB, HIV, GENERAL } = ScreeningKind;
const { NEGATIVE, POSITIVE, INCONCLUSIVE } = ScreeningResult;
const s = (kind: ScreeningKind, result: ScreeningResult, on: string) => ({
  kind,
  result,
  screenedOn: day(on),
});
const active = { outcome: null };
const closed = { outcome: TbOutcome.CURED };
const fitness = (
  screenings: ReturnType<typeof s>[],
  tbCases: { outcome: TbOutcome | null }[] = [],
) => fitnessForWorkAbroadOn(screenings, tbCases, now);

describe('fitnessForWorkAbroadOn', () => {
  it('is FIT with negative TB and HIV screenings within 12 months and no active TB case', () => {
    expect(fitness([s(TB, NEGATIVE, '2025-03-01'), s(HIV, NEGATIVE, '2024-09-30')])).toBe(
      FitnessForWorkAbroad.FIT,
    );
    expect(fitness([s(TB, NEGATIVE, '2025-03-01'), s(HIV, NEGATIVE, '2025-03-01')], [closed])).toBe(
      FitnessForWorkAbroad.FIT,
    );
  });

  it('counts a screening taken on the same day a year ago as within 12 months, the day before not', () => {
    expect(fitness([s(TB, NEGATIVE, '2024-06-15'), s(HIV, NEGATIVE, '2025-01-01')])).toBe(
      FitnessForWorkAbroad.FIT,
    );
    expect(fitness([s(TB, NEGATIVE, '2024-06-14'), s(HIV, NEGATIVE, '2025-01-01')])).toBe(
      FitnessForWorkAbroad.UNDETERMINED,
    );
  });

  it('is NOT_FIT with an active TB case, whatever the screenings say', () => {
    expect(fitness([s(TB, NEGATIVE, '2025-06-01'), s(HIV, NEGATIVE, '2025-06-01')], [active])).toBe(
      FitnessForWorkAbroad.NOT_FIT,
    );
    expect(fitness([], [closed, active])).toBe(FitnessForWorkAbroad.NOT_FIT);
  });

  it('is NOT_FIT when the latest TB screening is positive, however old', () => {
    expect(fitness([s(TB, POSITIVE, '2019-01-01')])).toBe(FitnessForWorkAbroad.NOT_FIT);
    expect(
      fitness([
        s(TB, NEGATIVE, '2018-01-01'),
        s(TB, POSITIVE, '2025-05-01'),
        s(HIV, NEGATIVE, '2025-05-01'),
      ]),
    ).toBe(FitnessForWorkAbroad.NOT_FIT);
  });

  it('follows the latest TB screening: a negative one after a positive one can be FIT', () => {
    expect(
      fitness([
        s(TB, POSITIVE, '2023-01-01'),
        s(TB, NEGATIVE, '2025-05-01'),
        s(HIV, NEGATIVE, '2025-05-01'),
      ]),
    ).toBe(FitnessForWorkAbroad.FIT);
  });

  it('is UNDETERMINED without both screenings, with an inconclusive one, or with a positive HIV screening', () => {
    expect(fitness([])).toBe(FitnessForWorkAbroad.UNDETERMINED);
    expect(fitness([s(TB, NEGATIVE, '2025-05-01')])).toBe(FitnessForWorkAbroad.UNDETERMINED);
    expect(fitness([s(HIV, NEGATIVE, '2025-05-01'), s(GENERAL, NEGATIVE, '2025-05-01')])).toBe(
      FitnessForWorkAbroad.UNDETERMINED,
    );
    expect(fitness([s(TB, INCONCLUSIVE, '2025-05-01'), s(HIV, NEGATIVE, '2025-05-01')])).toBe(
      FitnessForWorkAbroad.UNDETERMINED,
    );
    expect(fitness([s(TB, NEGATIVE, '2025-05-01'), s(HIV, POSITIVE, '2025-05-01')])).toBe(
      FitnessForWorkAbroad.UNDETERMINED,
    );
    expect(
      fitness([
        s(TB, NEGATIVE, '2025-05-01'),
        s(HIV, NEGATIVE, '2025-05-02'),
        s(HIV, INCONCLUSIVE, '2025-06-01'),
      ]),
    ).toBe(FitnessForWorkAbroad.UNDETERMINED);
  });
});

describe('latestScreening', () => {
  it('finds the latest of a kind in any order, the least favourable on a tie', () => {
    const list = [
      s(TB, NEGATIVE, '2025-01-01'),
      s(TB, NEGATIVE, '2025-02-01'),
      s(TB, INCONCLUSIVE, '2025-02-01'),
      s(HIV, POSITIVE, '2025-03-01'),
      s(TB, NEGATIVE, '2024-12-01'),
    ];
    expect(latestScreening(list, TB)).toEqual(s(TB, INCONCLUSIVE, '2025-02-01'));
    expect(latestScreening(list, HIV)).toEqual(s(HIV, POSITIVE, '2025-03-01'));
    expect(latestScreening(list, GENERAL)).toBeNull();
  });
});
