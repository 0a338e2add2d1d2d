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
import type { PensionsModels } from '../context';
import type { ContributionRecord } from '../contribution/contribution.model';
import { ContributionKind } from '../contribution/contribution.type';
import type { InsurancePeriodRecord } from '../insurance-period/insurance-period.model';
import { HOME_COUNTRY, InsurancePeriodSource } from '../insurance-period/insurance-period.type';
import { PENSIONS_CUBE } from './indicators.measures';

type Period = Pick<InsurancePeriodRecord, 'pin' | 'country' | 'from' | 'to' | 'source'>;
type Payment = Pick<ContributionRecord, 'pin' | 'paidOn'>;

/**
 * Rebuilds the pensions cube: insurance periods abroad and voluntary contributions, counted by
 * the dimensions of the statistical units (the register snapshot). A person without a unit is
 * left out until the next refresh.
 */
export async function rebuildPensionsIndicators(
  models: PensionsModels,
  options: IndicatorBuildOptions = {},
): Promise<{ buildId: string; cells: number }> {
  const builder = cubeBuilderFor(options);
  const lean = { lean: true } as const;
  const units = await loadStatisticalUnits(models.StatisticalUnit);
  const periods = await groupByPin<Period>(
    models.InsurancePeriod.find(
      { country: { $ne: HOME_COUNTRY } },
      { _id: 0, pin: 1, country: 1, from: 1, to: 1, source: 1 },
      lean,
    ).cursor(),
  );
  const payments = await groupByPin<Payment>(
    models.Contribution.find(
      { kind: ContributionKind.VOLUNTARY },
      { _id: 0, pin: 1, paidOn: 1 },
      lean,
    ).cursor(),
  );
  for (const [pin, unit] of units) {
    countPerson(builder, unit, periods.get(pin) ?? [], payments.get(pin) ?? []);
  }
  return writeIndicatorCube(models, builder, options);
}

/** Counts one person into every pensions measure, each once per year. */
export function countPerson(
  builder: IndicatorCubeBuilder,
  unit: StatisticalUnit,
  periodsAbroad: readonly Omit<Period, 'pin'>[],
  voluntaryPayments: readonly Omit<Payment, 'pin'>[],
): void {
  const choices = new PersonYearChoices<string | null>();
  for (const period of periodsAbroad) {
    for (const year of builder.yearsTouched(period.from, period.to)) {
      if (!builder.overlapsYear(period.from, period.to, year)) continue;
      choices.offer(PENSIONS_CUBE.insuredAbroad, year, period.from, period.country);
      if (period.source === InsurancePeriodSource.PARTNER_REPORTED) {
        choices.offer(PENSIONS_CUBE.personsWithTotalizedPeriods, year, period.from, period.country);
      }
    }
  }
  for (const payment of voluntaryPayments) {
    const year = builder.yearOf(payment.paidOn);
    if (year !== null) {
      choices.offer(
        PENSIONS_CUBE.voluntaryContributors,
        year,
        payment.paidOn,
        unit.lastDestination,
      );
    }
  }
  choices.forEach((measure, year, destination) => builder.add(measure, year, unit, destination));
}

/** The PINs the Social Fund holds periods or contributions for: the persons it keeps a unit of. */
export async function pensionsStatisticalPins(models: PensionsModels): Promise<Set<string>> {
  return distinctPins([models.InsurancePeriod, models.Contribution]);
}
