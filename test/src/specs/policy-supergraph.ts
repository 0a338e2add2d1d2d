import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildASTSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isNonNullType,
  isObjectType,
  parse,
  valueFromASTUntyped,
  type ConstDirectiveNode,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLOutputType,
} from 'graphql';
import { REPO_ROOT } from '@jol/tools';
import { CLASS_COORDINATES, oracleClassOf } from './policy-oracle';

/**
 * The walk of the committed supergraph the policy matrix is generated from: the fields of Person
 * and the coordinates reached through them, the root queries and mutations, and every argument
 * that could select persons by a value. Nothing here lists fields; the classification of each
 * coordinate is the oracle's (policy-oracle.ts).
 */

/** Every coordinate the oracle classifies. */
const CLASSIFIED = new Set(Object.values(CLASS_COORDINATES).flat());

// ---------------------------------------------------------------------------------------------
// The supergraph, read from the committed file the gateway serves.

export const SUPERGRAPH = buildASTSchema(
  parse(readFileSync(join(REPO_ROOT, 'schema', 'supergraph.graphql'), 'utf8')),
  { assumeValidSDL: true },
);

/** The arguments of every use of a directive on a definition, as plain values. */
export function directiveUses(
  node: { readonly directives?: readonly ConstDirectiveNode[] } | null | undefined,
  name: string,
): Record<string, unknown>[] {
  return (node?.directives ?? [])
    .filter((d) => d.name.value === name)
    .map((d) =>
      Object.fromEntries(
        (d.arguments ?? []).map((a) => [a.name.value, valueFromASTUntyped(a.value)]),
      ),
    );
}

export function objectType(name: string): GraphQLObjectType {
  const type = SUPERGRAPH.getType(name);
  if (!isObjectType(type)) throw new Error(`the supergraph has no object type ${name}`);
  return type;
}

/** Subgraph names (`migration`) by join__Graph value (`MIGRATION`). */
const GRAPH_NAMES = new Map<string, string>(
  (() => {
    const joinGraph = SUPERGRAPH.getType('join__Graph');
    if (!isEnumType(joinGraph)) throw new Error('the supergraph has no join__Graph enum');
    return joinGraph
      .getValues()
      .map((v) => [v.name, String(directiveUses(v.astNode, 'join__graph')[0]!.name)]);
  })(),
);
const graphName = (value: unknown) => GRAPH_NAMES.get(String(value))!;

/** The subgraphs that resolve a field: its non-external @join__field graphs, else its type's. */
export function graphsOf(type: GraphQLObjectType, field: string): string[] {
  const own = directiveUses(type.getFields()[field]!.astNode, 'join__field').filter(
    (j) => j.graph !== undefined && j.external !== true,
  );
  const uses = own.length > 0 ? own : directiveUses(type.astNode, 'join__type');
  return [...new Set(uses.map((j) => graphName(j.graph)))];
}

/** The @key of an entity type in one subgraph; undefined when it is no entity there. */
export function keyIn(type: GraphQLObjectType, graph: string): string | undefined {
  const use = directiveUses(type.astNode, 'join__type').find((j) => graphName(j.graph) === graph);
  return use?.key === undefined ? undefined : String(use.key);
}

export const PERSON = objectType('Person');
export const PERSON_KEYS = new Set(
  directiveUses(PERSON.astNode, 'join__type').flatMap((j) => String(j.key ?? '').split(/\s+/)),
);

/**
 * A field's selection: leaves as they are, objects with their leaf fields and one more level of
 * objects. Fields the policy table classifies are left out: each is a case of its own.
 */
export function subSelection(type: GraphQLOutputType, depth: number, inline = false): string {
  const named = getNamedType(type);
  if (!isObjectType(named)) return '';
  const parts = Object.values(named.getFields())
    .filter((f) => !CLASSIFIED.has(`${named.name}.${f.name}`))
    .filter((f) => f.args.every((a) => !isNonNullType(a.type) || a.defaultValue !== undefined))
    .flatMap((f) => {
      const inner = getNamedType(f.type);
      if (isLeafType(inner)) return [f.name];
      if (depth > 0 && isObjectType(inner)) return [`${f.name} ${subSelection(f.type, depth - 1)}`];
      return [];
    });
  const body = parts.length > 0 ? parts.join(' ') : '__typename';
  return inline ? `{ ... on ${named.name} { ${body} } }` : `{ ${body} }`;
}

// ---------------------------------------------------------------------------------------------
// The cases: every field of Person, and every other classified coordinate reached through one.

export interface MatrixCase {
  coordinate: string;
  /** The field of Person the case selects. */
  top: string;
  /** For a coordinate of another type: that field, selected inside `top`. */
  nested?: string;
  /** Selection under the nested (or top) field, `{ ... }` or empty for a leaf. */
  leafSelection: string;
  leafSelectionInline: string;
  /** `_entities` targets: the subgraph, and the entity type sent as the representation. */
  entityCalls: { graph: string; typename: string }[];
}

export interface CaseInventory {
  cases: MatrixCase[];
  /** Query fields the oracle classifies: asked at the root, refused or let through by class. */
  rootQueries: string[];
  /** Classified coordinates the committed supergraph does not have. */
  missing: string[];
  /**
   * Classified coordinates of other types that no field of Person leads to, nor a root query of
   * the same class (whose refusal, asked at the root, is theirs too).
   */
  unreachable: string[];
  /** Fields of Person, other than its key, that the oracle does not classify. */
  unclassified: string[];
}

/**
 * Whether a coordinate of `typeName` is reached only under a root query that returns the type and
 * that the oracle classifies alike: a caller without the class is refused at that root already.
 */
function underRootOfItsClass(typeName: string, coordinate: string): boolean {
  const query = SUPERGRAPH.getQueryType()!;
  return Object.values(query.getFields()).some(
    (root) =>
      getNamedType(root.type).name === typeName &&
      oracleClassOf(`Query.${root.name}`) !== undefined &&
      oracleClassOf(`Query.${root.name}`) === oracleClassOf(coordinate),
  );
}

export function buildCases(): CaseInventory {
  const cases: MatrixCase[] = [];
  const unclassified: string[] = [];
  for (const field of Object.values(PERSON.getFields())) {
    const coordinate = `Person.${field.name}`;
    if (!CLASSIFIED.has(coordinate) && !PERSON_KEYS.has(field.name)) {
      unclassified.push(coordinate);
      continue;
    }
    cases.push({
      coordinate,
      top: field.name,
      leafSelection: subSelection(field.type, 1),
      leafSelectionInline: subSelection(field.type, 1, true),
      entityCalls: graphsOf(PERSON, field.name).map((graph) => ({ graph, typename: 'Person' })),
    });
  }
  const unreachable: string[] = [];
  const missing: string[] = [];
  const rootQueries: string[] = [];
  for (const coordinate of CLASSIFIED) {
    const [typeName, fieldName] = coordinate.split('.') as [string, string];
    const type = SUPERGRAPH.getType(typeName);
    if (!isObjectType(type) || !type.getFields()[fieldName]) {
      missing.push(coordinate);
      continue;
    }
    // Person's fields are cases above; mutations are checked by owner and writer below.
    if (typeName === 'Person' || type === SUPERGRAPH.getMutationType()) continue;
    if (type === SUPERGRAPH.getQueryType()) {
      rootQueries.push(fieldName);
      continue;
    }
    const parent = Object.values(PERSON.getFields()).find(
      (f) => getNamedType(f.type).name === typeName,
    );
    if (!parent) {
      if (!underRootOfItsClass(typeName, coordinate)) unreachable.push(coordinate);
      continue;
    }
    const field = type.getFields()[fieldName]!;
    const parentGraphs = graphsOf(PERSON, parent.name);
    const entityCalls = graphsOf(type, fieldName).map(
      (graph) =>
        parentGraphs.includes(graph)
          ? { graph, typename: 'Person' }
          : { graph, typename: typeName }, // a separate entity there, e.g. PersonAccessLog
    );
    cases.push({
      coordinate,
      top: parent.name,
      nested: fieldName,
      leafSelection: subSelection(field.type, 1),
      leafSelectionInline: subSelection(field.type, 1, true),
      entityCalls,
    });
  }
  return { cases, rootQueries, missing, unreachable, unclassified };
}

export const INVENTORY = buildCases();
export const CASES = INVENTORY.cases;

// ---------------------------------------------------------------------------------------------
// Arguments: every argument of every field that reads (mutations write; their inputs are not
// selections), and for an input object argument, its criteria.

export interface ArgumentUse {
  /** `Query.persons(filter:)` */
  coordinate: string;
  /** The query field it belongs to, when it is one (`persons`). */
  rootField?: string;
  argument: string;
  type: GraphQLInputType;
  /**
   * For an input object argument: its criteria by input coordinate (`PersonFilter.status`), with
   * the path of input fields that leads to each from the argument.
   */
  criteria: { coordinate: string; path: string[]; type: GraphQLInputType }[];
}

function criteriaOf(type: GraphQLInputType, above: string[] = []): ArgumentUse['criteria'] {
  const named = getNamedType(type);
  if (!isInputObjectType(named)) return [];
  return Object.values(named.getFields()).flatMap((f) =>
    isInputObjectType(getNamedType(f.type))
      ? criteriaOf(f.type, [...above, f.name])
      : [{ coordinate: `${named.name}.${f.name}`, path: [...above, f.name], type: f.type }],
  );
}

/** Every argument of every field of every object type but Mutation and the federation's own. */
export function argumentUses(): ArgumentUse[] {
  const uses: ArgumentUse[] = [];
  for (const type of Object.values(SUPERGRAPH.getTypeMap())) {
    if (!isObjectType(type) || type === SUPERGRAPH.getMutationType()) continue;
    if (
      type.name.startsWith('__') ||
      type.name.startsWith('join__') ||
      type.name.startsWith('link__')
    )
      continue;
    for (const field of Object.values(type.getFields()))
      for (const arg of field.args)
        uses.push({
          coordinate: `${type.name}.${field.name}(${arg.name}:)`,
          ...(type === SUPERGRAPH.getQueryType() ? { rootField: field.name } : {}),
          argument: arg.name,
          type: arg.type,
          criteria: criteriaOf(arg.type),
        });
  }
  return uses;
}

/** The values of an enum input type (none for a scalar), for probing which one selects a person. */
export function enumValuesOf(type: GraphQLInputType): string[] {
  const named = getNamedType(type);
  return isEnumType(named) ? named.getValues().map((v) => v.name) : [];
}

/**
 * The fields leading from a root query field's result to the persons it lists (`edges`, `node` of
 * a connection); null when the field lists no Person within two levels.
 */
export function personPathOf(rootField: string): string[] | null {
  const field = SUPERGRAPH.getQueryType()!.getFields()[rootField];
  const search = (type: GraphQLOutputType, depth: number): string[] | null => {
    const named = getNamedType(type);
    if (named === PERSON) return [];
    if (!isObjectType(named) || depth === 0) return null;
    for (const f of Object.values(named.getFields())) {
      const below = search(f.type, depth - 1);
      if (below) return [f.name, ...below];
    }
    return null;
  };
  return field ? search(field.type, 3) : null;
}
