import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import {
  IndicatorTable,
  measureFieldDescription,
  loadIndicatorTable,
  type IndicatorMeasure,
} from '@jol/schema';
import type { PensionsContext } from '../context';
import {
  INSURED_ABROAD,
  PERSONS_WITH_TOTALIZED_PERIODS,
  VOLUNTARY_CONTRIBUTORS,
} from './indicators.measures';
import { Indicators } from './indicators.type';

const table = (parent: Indicators, ctx: PensionsContext, measure: IndicatorMeasure) =>
  loadIndicatorTable(ctx.loaders.indicatorCube, parent.request, measure);

/** The Social Fund's measures on the shared `Indicators` entity; all from one cube read. */
@Resolver(() => Indicators)
export class PensionsIndicatorsResolver {
  @FieldResolver(() => IndicatorTable, {
    nullable: true,
    description: measureFieldDescription(INSURED_ABROAD),
  })
  insuredAbroad(@Root() parent: Indicators, @Ctx() ctx: PensionsContext) {
    return table(parent, ctx, INSURED_ABROAD);
  }

  @FieldResolver(() => IndicatorTable, {
    nullable: true,
    description: measureFieldDescription(VOLUNTARY_CONTRIBUTORS),
  })
  voluntaryContributors(@Root() parent: Indicators, @Ctx() ctx: PensionsContext) {
    return table(parent, ctx, VOLUNTARY_CONTRIBUTORS);
  }

  @FieldResolver(() => IndicatorTable, {
    nullable: true,
    description: measureFieldDescription(PERSONS_WITH_TOTALIZED_PERIODS),
  })
  personsWithTotalizedPeriods(@Root() parent: Indicators, @Ctx() ctx: PensionsContext) {
    return table(parent, ctx, PERSONS_WITH_TOTALIZED_PERIODS);
  }
}
