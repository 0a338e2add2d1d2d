import type DataLoader from 'dataloader';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AggregateClass } from '@jol/schema';
import type { AccessRules } from '@jol/kernel';
import type { IndicatorDimension } from './indicator-dimension';
import type { IndicatorRequest } from './indicator-request';
import type { CubeQuery, CubeSlice } from './indicator-cube.loader';
import { loadIndicatorTable } from './indicator-cube.loader';
import {
  IndicatorTable,
  measureFieldDescription,
  type IndicatorUnit,
} from './indicator-table.type';
import type { IndicatorMeasure, MeasureTiming } from './indicator-tables';
import { aggregateRule, INDICATORS_ENTRY_POINT } from './indicators.reference';

/**
 * An agency's measures, declared once: the field each adds to `Indicators`, its rule, its
 * aggregate coordinate in the policy and the cube measures its build counts all follow from the
 * declaration, so adding a measure is one entry in the agency's table.
 */

/** One measure as an agency declares it; the field of `Indicators` is its key in the table. */
export interface MeasureDeclaration {
  description: string;
  timing: MeasureTiming;
  unit: IndicatorUnit;
  /** The cube measure counted; for a share, its numerator. */
  cube: string;
  /** For a share: the cube measure of the denominator. */
  denominator?: string;
  /** The cube measure counting the persons a count describes (see IndicatorMeasure). */
  contributors?: string;
  /** A breakdown of the measure's own, used instead of the request's `by`. */
  dimensions?: readonly IndicatorDimension[];
  /** The aggregate class whose readers may read the measure. @default 'statistics' */
  aggregateClass?: AggregateClass;
}

/** The cube measures a table names: counted, denominators and contributors. */
type CubeNamesOf<T extends Record<string, MeasureDeclaration>> = {
  [K in keyof T]:
    | T[K]['cube']
    | (T[K] extends { denominator: infer D extends string } ? D : never)
    | (T[K] extends { contributors: infer P extends string } ? P : never);
}[keyof T];

/** What a context must hold for the measures' fields: the agency's cube loader. */
interface CubeContext {
  loaders: { indicatorCube: DataLoader<CubeQuery, CubeSlice, string> };
}

/** What every `Indicators` parent holds: the request its key stands for. */
interface IndicatorsRoot {
  request: IndicatorRequest;
}

export interface MeasureSet<N extends string = string, C extends string = string> {
  agency: string;
  /** The measures in declaration order: the order of their fields on `Indicators`. */
  list: readonly IndicatorMeasure[];
  byName: Readonly<Record<N, IndicatorMeasure>>;
  /** The cube measures the agency's build counts, each named by itself. */
  cube: Readonly<{ [K in C]: K }>;
  /** The aggregate class of each measure's field, by schema coordinate. */
  aggregateFields: Readonly<Record<string, AggregateClass>>;
  /** An aggregate rule for each measure's field. */
  rules: AccessRules;
  /**
   * A resolver class adding one nullable `IndicatorTable` field per measure to the agency's
   * `Indicators` type, read through `ctx.loaders.indicatorCube`.
   */
  createResolver(indicatorsType: abstract new () => object): new () => object;
}

/**
 * An agency's measures, keyed by their field on `Indicators`, in the order the fields take. The
 * cube measures' names are kept as literal types, so the build counting a name no measure reads
 * does not compile.
 */
export function defineMeasures<const T extends Record<string, MeasureDeclaration>>(
  agency: string,
  table: T,
): MeasureSet<Extract<keyof T, string>, Extract<CubeNamesOf<T>, string>> {
  type N = Extract<keyof T, string>;
  const list = Object.entries(table).map(
    ([name, { aggregateClass: _class, dimensions, ...declared }]): IndicatorMeasure => ({
      name,
      agency,
      ...declared,
      ...(dimensions ? { dimensions: [...dimensions] } : {}),
    }),
  );
  const cube: Record<string, string> = {};
  for (const measure of list) {
    for (const name of [measure.cube, measure.denominator, measure.contributors]) {
      if (name !== undefined) cube[name] = name;
    }
  }
  const aggregateFields = Object.fromEntries(
    Object.entries(table).map(([name, declared]) => [
      `Indicators.${name}`,
      declared.aggregateClass ?? 'statistics',
    ]),
  ) as Record<string, AggregateClass>;
  const rules = {
    Indicators: Object.fromEntries(
      Object.entries(aggregateFields).map(([coordinate, aggregateClass]) => [
        coordinate.slice('Indicators.'.length),
        aggregateRule(coordinate, aggregateClass),
      ]),
    ),
  };
  return {
    agency,
    list,
    byName: Object.fromEntries(list.map((m) => [m.name, m])) as Record<N, IndicatorMeasure>,
    cube: cube as never,
    aggregateFields,
    rules,
    createResolver: (indicatorsType) => measuresResolver(agency, list, indicatorsType),
  };
}

/** A resolver class with one field resolver per measure, decorated as type-graphql would be. */
function measuresResolver(
  agency: string,
  measures: readonly IndicatorMeasure[],
  indicatorsType: abstract new () => object,
): new () => object {
  const resolver = {
    [`${agency}MeasuresResolver`]: class {},
  }[`${agency}MeasuresResolver`]!;
  for (const measure of measures) {
    const field = (parent: IndicatorsRoot, ctx: CubeContext) =>
      loadIndicatorTable(ctx.loaders.indicatorCube, parent.request, measure);
    Object.defineProperty(resolver.prototype, measure.name, { value: field, writable: true });
    Root()(resolver.prototype, measure.name, 0);
    Ctx()(resolver.prototype, measure.name, 1);
    FieldResolver(() => IndicatorTable, {
      nullable: true,
      description: measureFieldDescription(measure),
    })(
      resolver.prototype,
      measure.name,
      Object.getOwnPropertyDescriptor(resolver.prototype, measure.name)!,
    );
  }
  Resolver(() => indicatorsType)(resolver);
  return resolver;
}

/**
 * The aggregate class of every field that returns aggregates, by schema coordinate: the
 * `indicators` entry point and each agency's measures. Two agencies declaring one field is a
 * programming error (the supergraph could not compose it).
 */
export function aggregateFieldsOf(sets: readonly MeasureSet[]): Record<string, AggregateClass> {
  const fields: Record<string, AggregateClass> = { ...INDICATORS_ENTRY_POINT };
  for (const set of sets) {
    for (const [coordinate, aggregateClass] of Object.entries(set.aggregateFields)) {
      if (coordinate in fields) {
        throw new Error(`${coordinate} is declared twice (again by ${set.agency})`);
      }
      fields[coordinate] = aggregateClass;
    }
  }
  return fields;
}
