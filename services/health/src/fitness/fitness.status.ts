import { today } from '@jol/kernel';
import type { HealthScreeningRecord } from '../screening/screening.model';
import { ScreeningKind, ScreeningResult } from '../screening/screening.type';
import { isActiveTbCase, type TbCaseRecord } from '../tb-case/tb-case.model';
import { FitnessForWorkAbroad } from './fitness.type';

/** How recent the screenings behind a FIT certificate must be. */
export const FITNESS_SCREENING_MONTHS = 12;

type Screening = Pick<HealthScreeningRecord, 'kind' | 'result' | 'screenedOn'>;

/** Least favourable first: two screenings of one kind on one day count as the worse one. */
const SEVERITY: Record<ScreeningResult, number> = {
  [ScreeningResult.POSITIVE]: 2,
  [ScreeningResult.INCONCLUSIVE]: 1,
  [ScreeningResult.NEGATIVE]: 0,
};

/** The latest screening of a kind, whatever order the list is in; null when there is none. */
export function latestScreening(
  screenings: readonly Screening[],
  kind: ScreeningKind,
): Screening | null {
  let latest: Screening | null = null;
  for (const s of screenings) {
    if (s.kind !== kind) continue;
    const newer = !latest || s.screenedOn > latest.screenedOn;
    const sameDayWorse =
      latest !== null &&
      s.screenedOn.getTime() === latest.screenedOn.getTime() &&
      SEVERITY[s.result] > SEVERITY[latest.result];
    if (newer || sameDayWorse) latest = s;
  }
  return latest;
}

/**
 * A person's fitness for work abroad on the day `now` falls on: NOT_FIT with an active TB case or
 * a positive latest TB screening; FIT when the latest TB and HIV screenings are both negative and
 * taken within the last 12 months (on or after the same day a year ago) and no TB case is active;
 * UNDETERMINED otherwise.
 */
export function fitnessForWorkAbroadOn(
  screenings: readonly Screening[],
  tbCases: readonly Pick<TbCaseRecord, 'outcome'>[],
  now = new Date(),
): FitnessForWorkAbroad {
  const activeTb = tbCases.some(isActiveTbCase);
  const tb = latestScreening(screenings, ScreeningKind.TB);
  if (activeTb || tb?.result === ScreeningResult.POSITIVE) return FitnessForWorkAbroad.NOT_FIT;
  const day = today(now);
  const since = new Date(
    Date.UTC(day.getUTCFullYear(), day.getUTCMonth() - FITNESS_SCREENING_MONTHS, day.getUTCDate()),
  );
  const hiv = latestScreening(screenings, ScreeningKind.HIV);
  const recentNegative = (s: Screening | null) =>
    s !== null && s.result === ScreeningResult.NEGATIVE && s.screenedOn >= since;
  return recentNegative(tb) && recentNegative(hiv)
    ? FitnessForWorkAbroad.FIT
    : FitnessForWorkAbroad.UNDETERMINED;
}
