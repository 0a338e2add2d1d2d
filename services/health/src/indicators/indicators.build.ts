import {
  distinctPins,
  cubeBuilderFor,
  groupByPin,
  IndicatorCubeBuilder,
  loadStatisticalUnits,
  PersonYearChoices,
  writeIndicatorCube,
  type IndicatorBuildOptions,
  type StatisticalUnit,
} from '@jol/statistics';
import type { HealthModels } from '../context';
import type { HealthScreeningRecord } from '../screening/screening.model';
import { ScreeningKind } from '../screening/screening.type';
import type { TbCaseRecord } from '../tb-case/tb-case.model';
import { HEALTH_CUBE } from './indicators.measures';

type Screening = Pick<HealthScreeningRecord, 'pin' | 'screenedOn'>;
type Case = Pick<TbCaseRecord, 'pin' | 'diagnosedOn' | 'outcome' | 'outcomeOn'>;

/**
 * Rebuilds the health cube: TB screenings and TB cases, counted by the dimensions of the
 * statistical units (the register snapshot), which also say who is a returnee. A person without
 * a unit is left out until the next refresh.
 */
export async function rebuildHealthIndicators(
  models: HealthModels,
  options: IndicatorBuildOptions = {},
): Promise<{ buildId: string; cells: number }> {
  const builder = cubeBuilderFor(options);
  const lean = { lean: true } as const;
  const units = await loadStatisticalUnits(models.StatisticalUnit);
  const screenings = await groupByPin<Screening>(
    models.HealthScreening.find(
      { kind: ScreeningKind.TB },
      { _id: 0, pin: 1, screenedOn: 1 },
      lean,
    ).cursor(),
  );
  const cases = await groupByPin<Case>(
    models.TbCase.find(
      {},
      { _id: 0, pin: 1, diagnosedOn: 1, outcome: 1, outcomeOn: 1 },
      lean,
    ).cursor(),
  );
  for (const [pin, unit] of units) {
    countPerson(builder, unit, screenings.get(pin) ?? [], cases.get(pin) ?? []);
  }
  return writeIndicatorCube(models, builder, options);
}

/** Counts one person into every health measure, each once per year. */
export function countPerson(
  builder: IndicatorCubeBuilder,
  unit: StatisticalUnit,
  screenings: readonly Omit<Screening, 'pin'>[],
  cases: readonly Omit<Case, 'pin'>[],
): void {
  const choices = new PersonYearChoices<{ returnee: boolean }>();
  const returneeOn = (day: Date) => unit.firstReturnOn !== null && unit.firstReturnOn <= day;
  for (const screening of screenings) {
    const year = builder.yearOf(screening.screenedOn);
    if (year !== null && returneeOn(screening.screenedOn)) {
      choices.offer(HEALTH_CUBE.tbScreenedReturnees, year, screening.screenedOn, {
        returnee: true,
      });
    }
  }
  for (const tbCase of cases) {
    // A case is active until its outcome; an outcome without a day closes it at diagnosis.
    const end =
      tbCase.outcome === null || tbCase.outcome === undefined
        ? null
        : (tbCase.outcomeOn ?? tbCase.diagnosedOn);
    for (const year of builder.yearsTouched(tbCase.diagnosedOn, end)) {
      if (builder.ongoingAtEndOf(tbCase.diagnosedOn, end, year)) {
        choices.offer(HEALTH_CUBE.activeTbCases, year, tbCase.diagnosedOn, {
          returnee: returneeOn(builder.referenceDay(year)),
        });
      }
    }
  }
  choices.forEach((measure, year, { returnee }) => {
    builder.add(measure, year, unit, unit.lastDestination);
    if (measure === HEALTH_CUBE.activeTbCases && returnee) {
      builder.add(HEALTH_CUBE.activeTbCasesReturnees, year, unit, unit.lastDestination);
    }
  });
}

/** The PINs health holds records for: the persons it keeps a statistical unit of. */
export async function healthStatisticalPins(models: HealthModels): Promise<Set<string>> {
  return distinctPins([
    models.HealthScreening,
    models.TbCase,
    models.HealthInsurance,
    models.HealthConsent,
  ]);
}
