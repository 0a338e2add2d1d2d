import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import {
  IndicatorTable,
  measureFieldDescription,
  loadIndicatorTable,
  type IndicatorMeasure,
} from '@jol/schema';
import type { HealthContext } from '../context';
import {
  ACTIVE_TB_CASES,
  RETURNEE_SHARE_OF_ACTIVE_TB,
  TB_SCREENED_RETURNEES,
} from './indicators.measures';
import { Indicators } from './indicators.type';

const table = (parent: Indicators, ctx: HealthContext, measure: IndicatorMeasure) =>
  loadIndicatorTable(ctx.loaders.indicatorCube, parent.request, measure);

/** Health's measures on the shared `Indicators` entity; all of them come from one cube read. */
@Resolver(() => Indicators)
export class HealthIndicatorsResolver {
  @FieldResolver(() => IndicatorTable, {
    nullable: true,
    description: measureFieldDescription(TB_SCREENED_RETURNEES),
  })
  tbScreenedReturnees(@Root() parent: Indicators, @Ctx() ctx: HealthContext) {
    return table(parent, ctx, TB_SCREENED_RETURNEES);
  }

  @FieldResolver(() => IndicatorTable, {
    nullable: true,
    description: measureFieldDescription(ACTIVE_TB_CASES),
  })
  activeTbCases(@Root() parent: Indicators, @Ctx() ctx: HealthContext) {
    return table(parent, ctx, ACTIVE_TB_CASES);
  }

  @FieldResolver(() => IndicatorTable, {
    nullable: true,
    description: measureFieldDescription(RETURNEE_SHARE_OF_ACTIVE_TB),
  })
  returneeShareOfActiveTb(@Root() parent: Indicators, @Ctx() ctx: HealthContext) {
    return table(parent, ctx, RETURNEE_SHARE_OF_ACTIVE_TB);
  }
}
