import {
  cubeBuilderFor,
  distinctPins,
  groupByPin,
  IndicatorCubeBuilder,
  loadStatisticalUnits,
  PersonYearChoices,
  writeIndicatorCube,
  type IndicatorBuildOptions,
  type StatisticalUnit,
} from '@jol/statistics';
import type { AssistanceCaseRecord } from '../assistance-case/assistance-case.model';
import { AssistanceType } from '../assistance-case/assistance-case.type';
import type { ConsularModels } from '../context';
import { CONSULAR_CUBE } from './indicators.measures';

type Case = Pick<AssistanceCaseRecord, 'pin' | 'type' | 'country' | 'openedOn'>;

/** The cube measure counting each type of case. */
const MEASURE_OF_TYPE: Readonly<Record<AssistanceType, string>> = {
  [AssistanceType.LEGAL_AID]: CONSULAR_CUBE.legalAidCases,
  [AssistanceType.DETENTION]: CONSULAR_CUBE.detentionCases,
  [AssistanceType.HOSPITALISATION]: CONSULAR_CUBE.hospitalisationCases,
  [AssistanceType.DEATH_ABROAD]: CONSULAR_CUBE.deathsAbroad,
  [AssistanceType.REPATRIATION]: CONSULAR_CUBE.repatriationCases,
  [AssistanceType.LOST_DOCUMENTS]: CONSULAR_CUBE.lostDocumentsCases,
  [AssistanceType.LABOUR_EXPLOITATION]: CONSULAR_CUBE.labourExploitationCases,
};

/**
 * Rebuilds the consular cube: assistance cases by the year they opened, the country of the case
 * and its type, with the other dimensions from the statistical units (the register snapshot). A
 * person without a unit is left out until the next refresh.
 */
export async function rebuildConsularIndicators(
  models: ConsularModels,
  options: IndicatorBuildOptions = {},
): Promise<{ buildId: string; cells: number }> {
  const builder = cubeBuilderFor(options);
  const units = await loadStatisticalUnits(models.StatisticalUnit);
  const cases = await groupByPin<Case>(
    models.AssistanceCase.find(
      {},
      { _id: 0, pin: 1, type: 1, country: 1, openedOn: 1 },
      { lean: true },
    ).cursor(),
  );
  for (const [pin, unit] of units) countPerson(builder, unit, cases.get(pin) ?? []);
  return writeIndicatorCube(models, builder, options);
}

/**
 * Counts one person into every consular measure, each once per year: the latest case of the year
 * decides the country counted (a person helped in two countries in a year counts in one).
 */
export function countPerson(
  builder: IndicatorCubeBuilder,
  unit: StatisticalUnit,
  cases: readonly Omit<Case, 'pin'>[],
): void {
  const choices = new PersonYearChoices<{ country: string }>();
  for (const assistanceCase of cases) {
    const year = builder.yearOf(assistanceCase.openedOn);
    if (year === null) continue;
    const payload = { country: assistanceCase.country };
    choices.offer(CONSULAR_CUBE.assistanceCases, year, assistanceCase.openedOn, payload);
    choices.offer(MEASURE_OF_TYPE[assistanceCase.type], year, assistanceCase.openedOn, payload);
  }
  choices.forEach((measure, year, { country }) => builder.add(measure, year, unit, country));
}

/** The PINs consular holds records for: the persons it keeps a statistical unit of. */
export async function consularStatisticalPins(models: ConsularModels): Promise<Set<string>> {
  return distinctPins([models.ConsularRegistration, models.AssistanceCase]);
}
