import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import {
  IndicatorTable,
  measureFieldDescription,
  loadIndicatorTable,
  type IndicatorMeasure,
} from '@jol/schema';
import type { LabourContext } from '../context';
import {
  EMPLOYED_ABROAD,
  EMPLOYMENT_ABROAD_BY_SECTOR,
  FORMAL_EMPLOYMENT_SHARE,
  REINTEGRATION_COMPLETIONS,
  REINTEGRATION_ENROLMENTS,
} from './indicators.measures';
import { Indicators } from './indicators.type';

const table = (parent: Indicators, ctx: LabourContext, measure: IndicatorMeasure) =>
  loadIndicatorTable(ctx.loaders.indicatorCube, parent.request, measure);

/** Labour's measures on the shared `Indicators` entity; all of them come from one cube read. */
@Resolver(() => Indicators)
export class LabourIndicatorsResolver {
  @FieldResolver(() => IndicatorTable, {
    nullable: true,
    description: measureFieldDescription(EMPLOYED_ABROAD),
  })
  employedAbroad(@Root() parent: Indicators, @Ctx() ctx: LabourContext) {
    return table(parent, ctx, EMPLOYED_ABROAD);
  }

  @FieldResolver(() => IndicatorTable, {
    nullable: true,
    description: measureFieldDescription(EMPLOYMENT_ABROAD_BY_SECTOR),
  })
  employmentAbroadBySector(@Root() parent: Indicators, @Ctx() ctx: LabourContext) {
    return table(parent, ctx, EMPLOYMENT_ABROAD_BY_SECTOR);
  }

  @FieldResolver(() => IndicatorTable, {
    nullable: true,
    description: measureFieldDescription(FORMAL_EMPLOYMENT_SHARE),
  })
  formalEmploymentShare(@Root() parent: Indicators, @Ctx() ctx: LabourContext) {
    return table(parent, ctx, FORMAL_EMPLOYMENT_SHARE);
  }

  @FieldResolver(() => IndicatorTable, {
    nullable: true,
    description: measureFieldDescription(REINTEGRATION_ENROLMENTS),
  })
  reintegrationEnrolments(@Root() parent: Indicators, @Ctx() ctx: LabourContext) {
    return table(parent, ctx, REINTEGRATION_ENROLMENTS);
  }

  @FieldResolver(() => IndicatorTable, {
    nullable: true,
    description: measureFieldDescription(REINTEGRATION_COMPLETIONS),
  })
  reintegrationCompletions(@Root() parent: Indicators, @Ctx() ctx: LabourContext) {
    return table(parent, ctx, REINTEGRATION_COMPLETIONS);
  }
}
