import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { IndicatorTable, loadIndicatorTable, type IndicatorMeasure } from '@jol/schema';
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
    description: TB_SCREENED_RETURNEES.description,
  })
  tbScreenedReturnees(@Root() parent: Indicators, @Ctx() ctx: HealthContext) {
    return table(parent, ctx, TB_SCREENED_RETURNEES);
  }

  @FieldResolver(() => IndicatorTable, { nullable: true, description: ACTIVE_TB_CASES.description })
  activeTbCases(@Root() parent: Indicators, @Ctx() ctx: HealthContext) {
    return table(parent, ctx, ACTIVE_TB_CASES);
  }

  @FieldResolver(() => IndicatorTable, {
    nullable: true,
    description: RETURNEE_SHARE_OF_ACTIVE_TB.description,
  })
  returneeShareOfActiveTb(@Root() parent: Indicators, @Ctx() ctx: HealthContext) {
    return table(parent, ctx, RETURNEE_SHARE_OF_ACTIVE_TB);
  }
}
