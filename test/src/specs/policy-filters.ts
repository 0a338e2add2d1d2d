import type { GraphQLInputType } from 'graphql';
import { ALMAZ } from './policy-expectations';
import { NON_SELECTING_ARGUMENTS } from './policy-oracle';
import { argumentUses, personPathOf } from './policy-supergraph';

/**
 * The filter path of the policy matrix: every criterion of every filter argument of a root field
 * that lists persons, the value that asks it, and the PINs an answer lists.
 */

/** A criterion of a filter argument of a root field that lists persons, as the filter path asks it. */
export interface FilterCase {
  /** `PersonFilter.status` */
  criterion: string;
  rootField: string;
  argument: string;
  argumentType: string;
  /** Input fields from the argument down to the criterion. */
  path: string[];
  type: GraphQLInputType;
  /** Fields from the root field's result down to the persons it lists; null: it lists none. */
  personPath: string[] | null;
}

export const FILTER_CASES: FilterCase[] = argumentUses()
  .filter((u) => u.rootField && !(u.coordinate in NON_SELECTING_ARGUMENTS))
  .flatMap((u) =>
    u.criteria.map((c) => ({
      criterion: c.coordinate,
      rootField: u.rootField!,
      argument: u.argument,
      argumentType: u.type.toString(),
      path: c.path,
      type: c.type,
      personPath: personPathOf(u.rootField!),
    })),
  );

/** Values of scalar criteria that select ALMAZ (enum criteria are probed value by value). */
export const SCALAR_SAMPLES: Record<string, string[]> = {
  Region: [ALMAZ.homeRegion],
  CountryCode: ['RU'],
};

export function filterValue(c: FilterCase, value: string): Record<string, unknown> {
  return c.path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), value) as Record<
    string,
    unknown
  >;
}

export function filterDocument(c: FilterCase): string {
  const selection = (c.personPath ?? []).reduceRight(
    (inner, key) => `{ ${key} ${inner} }`,
    '{ pin }',
  );
  return `query Filter($f: ${c.argumentType}) { ${c.rootField}(${c.argument}: $f) ${selection} }`;
}

/** The PINs a list shows, following `path` through lists and objects. */
export function pinsAlong(value: unknown, path: readonly string[]): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => pinsAlong(v, path));
  if (!value || typeof value !== 'object') return [];
  if (path.length === 0) {
    const pin = (value as { pin?: unknown }).pin;
    return typeof pin === 'string' ? [pin] : [];
  }
  return pinsAlong((value as Record<string, unknown>)[path[0]!], path.slice(1));
}
