import {
  getArgumentValues,
  getOperationAST,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

/** A `persons` page longer than this crosses four agencies for enough persons to count as heavy. */
export const LARGE_PAGE = 20;

/**
 * The one list of heavy root fields, with when each is heavy: their work grows with the data
 * (indicators read every agency's cubes; a long page of persons fans out to every agency), so
 * they run in the bounded pool. Everything else (one person, one case) runs at once.
 */
export const HEAVY_ROOT_FIELDS: Readonly<
  Record<string, (args: Readonly<Record<string, unknown>>) => boolean>
> = {
  indicators: () => true,
  persons: ({ first }) => typeof first !== 'number' || first > LARGE_PAGE,
};

/** The root fields an operation selects, through inline fragments and fragment spreads. */
function rootFields(
  selectionSet: SelectionSetNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  seen = new Set<string>(),
): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) fields.push(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT)
      fields.push(...rootFields(selection.selectionSet, fragments, seen));
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = fragments.get(selection.name.value);
      if (fragment) fields.push(...rootFields(fragment.selectionSet, fragments, seen));
    }
  }
  return fields;
}

/**
 * How many heavy fields the query `operationName` of `document` selects at its root: every alias
 * counts (`{ a: indicators b: indicators }` is two), a fragment once however often it is spread,
 * and `@skip`/`@include` are not read (a skipped heavy field still counts). A
 * mutation counts none. Arguments are read with their defaults, as execution will read them.
 */
export function heavyFieldCount(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Readonly<Record<string, unknown>> | undefined,
): number {
  const operation = getOperationAST(document, operationName);
  if (!operation || operation.operation !== 'query') return 0;
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const queryFields = schema.getQueryType()?.getFields() ?? {};
  let count = 0;
  for (const field of rootFields(operation.selectionSet, fragments)) {
    const isHeavy = HEAVY_ROOT_FIELDS[field.name.value];
    const definition = queryFields[field.name.value];
    if (!isHeavy || !definition) continue;
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(definition, field, variables ?? {});
    } catch {
      // Arguments that do not coerce fail at execution at once; counted heavy until then.
      args = {};
    }
    if (isHeavy(args)) count += 1;
  }
  return count;
}
