import { Arg, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import {
  IndicatorDimension,
  IndicatorFilter,
  IndicatorScope,
  indicatorScopeOf,
  indicatorsOf,
  normalizeIndicatorRequest,
} from '@jol/schema';
import { migrationMeasures } from './indicators.measures';
import { Indicators } from './indicators.type';

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
}

/** The register's measures, after the entry point's own fields. */
export const MigrationMeasuresResolver = migrationMeasures.createResolver(Indicators);
