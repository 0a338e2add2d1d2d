import {
  Arg,
  Directive,
  Field,
  FieldResolver,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type DataLoader from 'dataloader';
import { allow, type GraphQLClass, type SubgraphEntity } from '@jol/kernel';
import { IndicatorDimension } from './indicator-dimension';
import {
  IndicatorFilter,
  IndicatorScope,
  indicatorScopeOf,
  normalizeIndicatorRequest,
  type IndicatorRequest,
} from './indicator-request';
import {
  aggregateRule,
  INDICATORS_DESCRIPTION,
  INDICATORS_KEY_DESCRIPTION,
  indicatorsOf,
  indicatorsReference,
  indicatorValueTypeRules,
} from './indicators.reference';
import { createIndicatorCubeLoader, type CubeQuery, type CubeSlice } from './indicator-cube.loader';
import { createIndicatorCubeModels, type IndicatorCubeModels } from './indicator-cube.model';
import type { MeasureSet } from './measures';
import { createStatisticalUnitModel, type StatisticalUnitModel } from './statistical-unit.model';

export interface IndicatorsEntityOptions<U extends boolean> {
  /** The agency's measures: its fields on `Indicators`. */
  measures: MeasureSet;
  /**
   * The subgraph serves the entry point (`Query.indicators`) and the request's echo (`by`,
   * `filter`); exactly one subgraph does. @default false
   */
  entryPoint?: boolean;
  /**
   * The agency keeps the register's statistical units of the persons it holds, which its build
   * reads (every agency but the register). @default false
   */
  statisticalUnits?: U;
}

/** The models of the entity: the cube, and the statistical units if the agency keeps them. */
export type IndicatorsModels<U extends boolean> = IndicatorCubeModels &
  (U extends true ? { StatisticalUnit: StatisticalUnitModel } : unknown);

/** The loader the measures' fields read through. */
export interface IndicatorCubeLoaders {
  indicatorCube: DataLoader<CubeQuery, CubeSlice, string>;
}

export interface IndicatorsEntity<U extends boolean = false> extends Required<
  Pick<
    SubgraphEntity<IndicatorsModels<U>, IndicatorCubeModels, IndicatorCubeLoaders>,
    'resolvers' | 'types' | 'referenceResolvers' | 'rules' | 'models' | 'loaders'
  >
> {
  /** The subgraph's `Indicators` class. */
  type: abstract new () => { key: string; request: IndicatorRequest };
}

/**
 * Cross-agency statistics for one filter and breakdown, as one entity: one subgraph owns the
 * entry point, every agency contributes its own measures as fields. The key is the normalized
 * request as canonical JSON, so each subgraph decodes the same request from it.
 *
 * Each call makes a class of its own: type-graphql adds field resolvers to the class they name,
 * and the four subgraphs may be built in one process.
 */
export function createIndicatorsEntity<U extends boolean = false>({
  measures,
  entryPoint = false,
  statisticalUnits,
}: IndicatorsEntityOptions<U>): IndicatorsEntity<U> {
  @Directive('@key(fields: "key")')
  @ObjectType('Indicators', { description: INDICATORS_DESCRIPTION })
  class Indicators {
    @Field(() => String, { description: INDICATORS_KEY_DESCRIPTION })
    key!: string;

    /** The request the key stands for; not a field. */
    request!: IndicatorRequest;
  }

  const resolvers: GraphQLClass[] = [];
  const rules = {
    Indicators: { key: allow, ...(entryPoint ? { by: allow, filter: allow } : {}) },
    ...(entryPoint
      ? { Query: { indicators: aggregateRule('Query.indicators') }, IndicatorScope: allow }
      : {}),
    ...indicatorValueTypeRules,
  };
  if (entryPoint) {
    @Resolver(() => Indicators)
    class IndicatorsResolver {
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
    resolvers.push(IndicatorsResolver);
  }
  // After the entry point's own fields: the measures follow `by` and `filter` in the schema.
  resolvers.push(measures.createResolver(Indicators));
  return {
    type: Indicators,
    resolvers,
    // The entry point reaches the type; elsewhere only representations do.
    types: entryPoint ? [] : [Indicators],
    referenceResolvers: indicatorsReference,
    rules: [rules, measures.rules],
    models: (connection) =>
      ({
        ...createIndicatorCubeModels(connection),
        ...(statisticalUnits ? { StatisticalUnit: createStatisticalUnitModel(connection) } : {}),
      }) as IndicatorsModels<U>,
    loaders: (models) => ({ indicatorCube: createIndicatorCubeLoader(models) }),
  };
}
