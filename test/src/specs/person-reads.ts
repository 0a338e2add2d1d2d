import {
  buildASTSchema,
  getNamedType,
  isLeafType,
  isNonNullType,
  isObjectType,
  parse,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { FIELD_CLASSES, ROLE_POLICY, ROLES, type Purpose, type Role } from '@jol/schema';
import { createAccessTrail, decideList, decideRead, type JolContext } from '@jol/kernel';

/**
 * Reads of every field of `Person` in the supergraph, each by a caller the access policy lets list
 * persons and read that field, for the N+1 guard. Nothing here names a field: a field added to any
 * subgraph becomes a read on the next run, and the caller follows ROLE_POLICY as it stands.
 */

export interface PersonRead {
  /** The Person field read, such as `skills`. */
  field: string;
  /** The field and its selection, to put inside `node { pin ... }`. */
  selection: string;
  role: Role;
  purpose: Purpose;
}

/**
 * Person fields the guard does not read, each with the reason. The spec asserts that every other
 * Person field of the supergraph has a read, and that none of these could have had one.
 */
export const UNGUARDED_PERSON_FIELDS: Record<string, string> = {
  pin: 'the key, with no data class: every read selects it already',
  accessLog:
    'no role both lists persons and reads access logs for one purpose; an auditor reads one person at a time',
};

/** The supergraph as a schema (its join directives are kept on the AST nodes, unused here). */
export function supergraphSchema(sdl: string): GraphQLSchema {
  return buildASTSchema(parse(sdl), { assumeValidSDL: true });
}

export function personType(schema: GraphQLSchema): GraphQLObjectType {
  const type = schema.getType('Person');
  if (!isObjectType(type)) throw new Error('the supergraph has no object type Person');
  return type;
}

/** A context holding only a caller and a purpose, to ask the access kernel what it would decide. */
function contextOf(role: Role, purpose: Purpose): JolContext {
  return {
    caller: { sub: 'n-plus-one-guard', roles: [role] },
    purpose,
    access: createAccessTrail(),
  } as unknown as JolContext;
}

/** Whether the kernel lets `role` read coordinate `Type.field` for `purpose` (unclassified: yes). */
function mayReadCoordinate(role: Role, purpose: Purpose, coordinate: string): boolean {
  const dataClass = FIELD_CLASSES[coordinate];
  if (dataClass === undefined) return true;
  return decideRead(contextOf(role, purpose), coordinate, dataClass, {}) === true;
}

function hasRequiredArgs(field: GraphQLField<unknown, unknown>): boolean {
  return field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined);
}

/**
 * The selection of a field's value for one caller: leaves as they are, objects with their fields
 * down to `depth` more levels, leaving out what the caller may not read and links back to Person
 * (each Person field is a read of its own).
 */
function selectionOf(
  parent: GraphQLObjectType,
  field: GraphQLField<unknown, unknown>,
  role: Role,
  purpose: Purpose,
  depth: number,
): string | null {
  if (hasRequiredArgs(field)) return null;
  if (!mayReadCoordinate(role, purpose, `${parent.name}.${field.name}`)) return null;
  const type = getNamedType(field.type);
  if (isLeafType(type)) return field.name;
  if (!isObjectType(type) || type.name === 'Person' || depth === 0) return null;
  const parts = Object.values(type.getFields())
    .map((inner) => selectionOf(type, inner, role, purpose, depth - 1))
    .filter((part): part is string => part !== null);
  return parts.length === 0 ? null : `${field.name} { ${parts.join(' ')} }`;
}

/**
 * The callers that may list persons (`Query.persons`) and read `Person.<field>`, as role and
 * purpose, in ROLES order.
 */
function callersOf(field: string): { role: Role; purpose: Purpose }[] {
  return ROLES.flatMap((role) =>
    ROLE_POLICY[role].purposes
      .filter(
        (purpose) =>
          !(decideList(contextOf(role, purpose), 'Query.persons') instanceof Error) &&
          FIELD_CLASSES[`Person.${field}`] !== undefined &&
          mayReadCoordinate(role, purpose, `Person.${field}`),
      )
      .map((purpose) => ({ role, purpose })),
  );
}

/**
 * One read per Person field that some caller may list and read, by the caller whose selection
 * reaches the most nested fields (the first such caller on a tie). Fields without any such caller
 * come back in `unreadable`.
 */
export function generatePersonReads(schema: GraphQLSchema): {
  reads: PersonRead[];
  unreadable: string[];
} {
  const person = personType(schema);
  const reads: PersonRead[] = [];
  const unreadable: string[] = [];
  for (const field of Object.values(person.getFields())) {
    let best: PersonRead | null = null;
    for (const { role, purpose } of callersOf(field.name)) {
      const selection = selectionOf(person, field, role, purpose, 2);
      if (selection !== null && (best === null || selection.length > best.selection.length)) {
        best = { field: field.name, selection, role, purpose };
      }
    }
    if (best) reads.push(best);
    else unreadable.push(field.name);
  }
  return { reads, unreadable };
}
