import { allow, rule } from 'graphql-shield';
import type { AggregateClass } from '@jol/schema';
import { type JolContext, decideAggregate } from '@jol/kernel';
import { indicatorKey, parseIndicatorKey, type IndicatorRequest } from './indicator-request';
import { PERTURBATION_DESCRIPTION } from './indicator-table.type';

/** The description of the `Indicators` entity, the same in every subgraph. */
export const INDICATORS_DESCRIPTION = `Indicators for one filter and breakdown, gathered from the four agencies. Each measure is a table protected by disclosure control: every count perturbed by the cell key method, and withheld when perturbed below minCellSize. ${PERTURBATION_DESCRIPTION}`;
export const INDICATORS_KEY_DESCRIPTION =
  'The normalized filter and breakdowns, as canonical JSON.';

/** What an `Indicators` entity is in every subgraph: its key and the request decoded from it. */
export interface IndicatorsParent {
  key: string;
  request: IndicatorRequest;
}

export function indicatorsOf(request: IndicatorRequest): IndicatorsParent {
  return { key: indicatorKey(request), request };
}

/**
 * `Indicators` representations carry only the key; each subgraph decodes and re-validates it, so
 * a forged key is refused rather than computed.
 */
export const indicatorsReference = {
  Indicators: {
    __resolveReference: (reference: { key: string }) =>
      indicatorsOf(parseIndicatorKey(reference.key)),
  },
};

/** The aggregate class of the entry point, wherever a subgraph serves it. */
export const INDICATORS_ENTRY_POINT: Readonly<Record<string, AggregateClass>> = {
  'Query.indicators': 'statistics',
};

/**
 * A rule for a field that returns aggregates: its aggregate class decides (the entry point's, or
 * the one its measure declares; see defineMeasures).
 */
export function aggregateRule(
  coordinate: string,
  aggregateClass: AggregateClass | undefined = INDICATORS_ENTRY_POINT[coordinate],
) {
  if (!aggregateClass) {
    throw new Error(`${coordinate} has no aggregate class: declare it with its measure`);
  }
  return rule(`aggregate:${coordinate}`, { cache: 'no_cache' })(
    (parent: unknown, _args: unknown, context: JolContext) => {
      const key = (parent as Partial<IndicatorsParent> | undefined)?.key;
      return decideAggregate(
        context,
        coordinate,
        aggregateClass,
        typeof key === 'string' ? key : undefined,
      );
    },
  );
}

/** The shared value types: reachable only through a field an aggregate rule guards. */
export const indicatorValueTypeRules = { IndicatorTable: allow, IndicatorRow: allow };
