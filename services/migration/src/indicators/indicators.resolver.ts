import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import {
  IndicatorDimension,
  IndicatorFilter,
  IndicatorScope,
  indicatorScopeOf,
  indicatorsOf,
  IndicatorTable,
  loadIndicatorTable,
  measureFieldDescription,
  normalizeIndicatorRequest,
  type IndicatorMeasure,
} from '@jol/schema';
import type { MigrationContext } from '../context';
import {
  AGED_15_29_SHARE_ABROAD,
  CHILDREN_WITH_PARENT_ABROAD,
  DEPARTURES,
  DESTINATIONS,
  ENTRY_BANS,
  PERSONS_ABROAD,
  RETURNS,
  WOMEN_SHARE_ABROAD,
} from './indicators.measures';
import { Indicators } from './indicators.type';

const table = (parent: Indicators, ctx: MigrationContext, measure: IndicatorMeasure) =>
  loadIndicatorTable(ctx.loaders.indicatorCube, parent.request, measure);

@Resolver(() => Indicators)
export class IndicatorsResolver {
  @Query(() => Indicators, {
    description:
      'Statistics from the four agencies for one filter and at most two breakdowns. For analysts (purpose STATISTICS) only; no person is ever shown.',
  })
  indicators(
    @Arg('filter', () => IndicatorFilter, { nullable: true }) filter?: IndicatorFilter | null,
    @Arg('by', () => [IndicatorDimension], {
      nullable: true,
      description:
        'At most two of REGION, SEX, AGE_BAND, DESTINATION, YEAR; the first varies slowest.',
    })
    by?: IndicatorDimension[] | null,
  ): Indicators {
    return indicatorsOf(normalizeIndicatorRequest(filter, by));
  }

  @FieldResolver(() => [IndicatorDimension], { description: 'The breakdowns asked for.' })
  by(@Root() parent: Indicators): IndicatorDimension[] {
    return parent.request.by;
  }

  @FieldResolver(() => IndicatorScope, { description: 'The filter, normalized.' })
  filter(@Root() parent: Indicators): IndicatorScope {
    return indicatorScopeOf(parent.request);
  }

  @FieldResolver(() => IndicatorTable, {
    nullable: true,
    description: measureFieldDescription(PERSONS_ABROAD),
  })
  personsAbroad(@Root() parent: Indicators, @Ctx() ctx: MigrationContext) {
    return table(parent, ctx, PERSONS_ABROAD);
  }

  @FieldResolver(() => IndicatorTable, {
    nullable: true,
    description: measureFieldDescription(DEPARTURES),
  })
  departures(@Root() parent: Indicators, @Ctx() ctx: MigrationContext) {
    return table(parent, ctx, DEPARTURES);
  }

  @FieldResolver(() => IndicatorTable, {
    nullable: true,
    description: measureFieldDescription(RETURNS),
  })
  returns(@Root() parent: Indicators, @Ctx() ctx: MigrationContext) {
    return table(parent, ctx, RETURNS);
  }

  @FieldResolver(() => IndicatorTable, {
    nullable: true,
    description: measureFieldDescription(ENTRY_BANS),
  })
  entryBans(@Root() parent: Indicators, @Ctx() ctx: MigrationContext) {
    return table(parent, ctx, ENTRY_BANS);
  }

  @FieldResolver(() => IndicatorTable, {
    nullable: true,
    description: measureFieldDescription(WOMEN_SHARE_ABROAD),
  })
  womenShareAbroad(@Root() parent: Indicators, @Ctx() ctx: MigrationContext) {
    return table(parent, ctx, WOMEN_SHARE_ABROAD);
  }

  @FieldResolver(() => IndicatorTable, {
    nullable: true,
    description: measureFieldDescription(AGED_15_29_SHARE_ABROAD),
  })
  aged15To29ShareAbroad(@Root() parent: Indicators, @Ctx() ctx: MigrationContext) {
    return table(parent, ctx, AGED_15_29_SHARE_ABROAD);
  }

  @FieldResolver(() => IndicatorTable, {
    nullable: true,
    description: measureFieldDescription(CHILDREN_WITH_PARENT_ABROAD),
  })
  childrenWithParentAbroad(@Root() parent: Indicators, @Ctx() ctx: MigrationContext) {
    return table(parent, ctx, CHILDREN_WITH_PARENT_ABROAD);
  }

  @FieldResolver(() => IndicatorTable, {
    nullable: true,
    description: measureFieldDescription(DESTINATIONS),
  })
  destinations(@Root() parent: Indicators, @Ctx() ctx: MigrationContext) {
    return table(parent, ctx, DESTINATIONS);
  }
}
