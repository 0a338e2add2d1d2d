import {
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type GraphQLFormattedError,
  type GraphQLInputType,
} from 'graphql';
import type { Agency } from '@jol/schema';
import type { GraphQLResponse } from '@jol/tools';
import {
  ALMAZ,
  CHYNARA,
  expectedField,
  expectedList,
  expectedLookup,
  type MatrixCaller,
  type Outcome,
} from './policy-expectations';
import {
  graphsOf,
  keyIn,
  objectType,
  PERSON,
  subSelection,
  CASES,
  type MatrixCase,
} from './policy-supergraph';

/**
 * How the policy matrix asks its cases (the entry paths: root, nested, entities, alias,
 * fragment), and how it reads a response against the oracle's expectation.
 */

/** Coordinates the rules mask (null, no error) instead of refusing; from dependant.rules.ts. */
const MASKED = new Set(['Dependant.childPin']);

// ---------------------------------------------------------------------------------------------
// Entry paths: how cases are asked, and where their values and refusals land in the response.

export type PathName = 'root' | 'nested' | 'entities' | 'alias' | 'fragment';
export const PATHS: PathName[] = ['root', 'nested', 'entities', 'alias', 'fragment'];

export type Key = string | number;

/** Where an `_entities` call goes and which entity it sends. */
export type EntityCall = MatrixCase['entityCalls'][number];

/** One case as one request asks it: the response keys its fields answer under. */
export interface Asked {
  c: MatrixCase;
  topKey: string;
  nestedKey?: string;
}

export interface Request {
  path: PathName;
  /** Where the call goes: the gateway, or a subgraph signed as the gateway would sign it. */
  graph?: string;
  query: string;
  variables: Record<string, unknown>;
  /** The gate before the fields (lookup or list), with the path it refuses at. */
  gate?: { path: Key[]; outcome: Outcome };
  /** Finds the object the cases' fields hang off (the Person or the entity). */
  base(data: unknown): { path: Key[]; value: Record<string, unknown> | null | undefined };
  asked: Asked[];
  /** The entity is the nested type itself (PersonAccessLog in another subgraph). */
  entityIsNested: boolean;
  /** Every case of the request is expected allowed. */
  allAllowed: boolean;
}

export interface Expectation {
  gate: Outcome;
  top: Outcome;
  nested: Outcome;
}

export function expectationOf(
  c: MatrixCase,
  caller: MatrixCaller,
  path: PathName,
  entityIsNested = false,
): Expectation {
  const subject = ALMAZ;
  const gate =
    path === 'entities'
      ? 'ALLOWED'
      : path === 'nested'
        ? expectedList(caller, subject.homeRegion)
        : expectedLookup(caller, subject);
  return {
    gate,
    top: entityIsNested ? 'ALLOWED' : expectedField(caller, `Person.${c.top}`, subject),
    nested: c.nested ? expectedField(caller, c.coordinate, subject) : 'ALLOWED',
  };
}

export const isAllowed = (e: Expectation) =>
  e.gate === 'ALLOWED' && e.top === 'ALLOWED' && e.nested === 'ALLOWED';

export function selectionOf(a: Asked, style: 'plain' | 'alias' | 'fragment'): string {
  const { c } = a;
  const leaf = style === 'fragment' ? c.leafSelectionInline : c.leafSelection;
  const top = style === 'alias' ? `${a.topKey}: ${c.top}` : c.top;
  if (!c.nested) return `${top} ${leaf}`;
  const nested = `${style === 'alias' ? `${a.nestedKey}: ${c.nested}` : c.nested} ${leaf}`;
  const type = getNamedType(PERSON.getFields()[c.top]!.type).name;
  return style === 'fragment' ? `${top} { ... on ${type} { ${nested} } }` : `${top} { ${nested} }`;
}

/** One request asking `cases` (distinct top fields) on one entry path. */
export function buildRequest(
  path: PathName,
  caller: MatrixCaller,
  cases: MatrixCase[],
  target?: EntityCall,
): Request {
  const subject = ALMAZ;
  const style = path === 'alias' ? 'alias' : path === 'fragment' ? 'fragment' : 'plain';
  const asked: Asked[] = cases.map((c, i) => ({
    c,
    topKey: style === 'alias' ? `t${i}` : c.top,
    ...(c.nested ? { nestedKey: style === 'alias' ? `n${i}` : c.nested } : {}),
  }));
  const selection = asked.map((a) => selectionOf(a, style)).join(' ');
  const entityIsNested = !!target && target.typename !== 'Person';
  const allAllowed = cases.every((c) => isAllowed(expectationOf(c, caller, path, entityIsNested)));
  const common = { path, asked, entityIsNested, allAllowed };
  const atKey = (key: Key) => (data: unknown) => {
    const value = (data as Record<Key, unknown> | null | undefined)?.[key];
    return { path: [key], value: value as Record<string, unknown> | null | undefined };
  };
  const lookup = (key: string) => ({ path: [key], outcome: expectedLookup(caller, subject) });
  switch (path) {
    case 'root':
      return {
        ...common,
        query: `query Matrix($pin: PIN!) { person(pin: $pin) { pin ${selection} } }`,
        variables: { pin: subject.pin },
        gate: lookup('person'),
        base: atKey('person'),
      };
    case 'alias':
      return {
        ...common,
        query: `query Matrix($pin: PIN!) { p: person(pin: $pin) { pin ${selection} } }`,
        variables: { pin: subject.pin },
        gate: lookup('p'),
        base: atKey('p'),
      };
    case 'fragment':
      return {
        ...common,
        query: `query Matrix($pin: PIN!) { person(pin: $pin) { pin ...Case } }
          fragment Case on Person { ... on Person { ${selection} } }`,
        variables: { pin: subject.pin },
        gate: lookup('person'),
        base: atKey('person'),
      };
    case 'nested':
      return {
        ...common,
        query: `query Matrix($region: Region) {
          persons(first: 10, filter: { region: $region }) { edges { node { pin ${selection} } } } }`,
        variables: { region: subject.homeRegion },
        gate: { path: ['persons'], outcome: expectedList(caller, subject.homeRegion) },
        base: (data) => {
          const edges = ((data as { persons?: { edges?: unknown[] } } | null)?.persons?.edges ??
            []) as { node: Record<string, unknown> }[];
          const index = edges.findIndex((e) => e.node.pin === subject.pin);
          return {
            path: ['persons', 'edges', index, 'node'],
            value: index < 0 ? undefined : edges[index]!.node,
          };
        },
      };
    case 'entities': {
      const { graph, typename } = target!;
      if (entityIsNested && keyIn(objectType(typename), graph) !== 'pin')
        throw new Error(`${typename} in ${graph} is not keyed by pin`);
      const representation = entityIsNested
        ? { __typename: typename, pin: subject.pin }
        : {
            // What the gateway would send: the key and every field a subgraph @requires.
            __typename: 'Person',
            pin: subject.pin,
            homeRegion: subject.homeRegion,
            birthDate: subject.name.birthDate,
            sex: subject.name.sex,
          };
      const fields = entityIsNested
        ? cases.map((c) => `${c.nested} ${c.leafSelection}`).join(' ')
        : selection;
      return {
        ...common,
        graph,
        query: `query Matrix($r: [_Any!]!) { _entities(representations: $r) { ... on ${typename} { pin ${fields} } } }`,
        variables: { r: [representation] },
        base: (data) => ({
          path: ['_entities', 0],
          value: (data as { _entities?: Record<string, unknown>[] } | null)?._entities?.[0],
        }),
      };
    }
  }
}

/**
 * Most cases asked in one request: the gateway allows 20 aliases (the alias path uses two each),
 * and a list of persons with six full selections exceeds its cost limit.
 */
export const BATCH: Record<PathName, number> = {
  root: 6,
  alias: 6,
  fragment: 6,
  entities: 6,
  // Nested persons cost the most: with record histories (`versions`), three exceed the cost limit.
  nested: 2,
};

/**
 * The requests for one caller on one path. A case refused at a field of the person is asked
 * alone, so that a leak of its data cannot hide behind another field's; cases the table allows,
 * and cases refused before any field (lookup, list), are asked a few at a time.
 */
export function plan(caller: MatrixCaller, path: PathName): Request[] {
  const units = CASES.flatMap((c) =>
    path === 'entities'
      ? c.entityCalls.map((target) => ({ c, target }))
      : [{ c, target: undefined as EntityCall | undefined }],
  );
  const requests: Request[] = [];
  const batches = new Map<string, { c: MatrixCase; target?: EntityCall }[][]>();
  for (const unit of units) {
    const e = expectationOf(
      unit.c,
      caller,
      path,
      !!unit.target && unit.target.typename !== 'Person',
    );
    if (e.gate === 'ALLOWED' && !isAllowed(e)) {
      requests.push(buildRequest(path, caller, [unit.c], unit.target));
      continue;
    }
    const key = `${e.gate} ${unit.target?.graph} ${unit.target?.typename}`;
    const chunks = batches.get(key) ?? [];
    batches.set(key, chunks);
    let chunk = chunks.find(
      (k) => k.length < BATCH[path] && k.every((u) => u.c.top !== unit.c.top),
    );
    if (!chunk) chunks.push((chunk = []));
    chunk.push(unit);
  }
  for (const chunks of batches.values())
    for (const chunk of chunks)
      requests.push(
        buildRequest(
          path,
          caller,
          chunk.map((u) => u.c),
          chunk[0]!.target,
        ),
      );
  return requests;
}

// ---------------------------------------------------------------------------------------------
// Reading a response.

export const samePath = (a: readonly Key[] | undefined, b: readonly Key[]) =>
  !!a && a.length === b.length && a.every((k, i) => k === b[i]);
/** One path lies on the other (equal, an ancestor or a descendant). */
export const onPath = (a: readonly Key[] | undefined, b: readonly Key[]) =>
  !a || a.slice(0, b.length).every((k, i) => k === b[i]);

export function leafStrings(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) value.forEach((v) => leafStrings(v, into));
  else if (value && typeof value === 'object')
    Object.values(value).forEach((v) => leafStrings(v, into));
  return into;
}

/**
 * The values a response shows a client: data leaves, error messages and extension values (not
 * field names, paths or the name of the subgraph that refused).
 */
export function shownValues(response: GraphQLResponse<unknown>): {
  values: Set<string>;
  text: string;
} {
  const values = leafStrings(response.data);
  const messages: string[] = [];
  for (const error of response.errors ?? []) {
    messages.push(error.message);
    const { serviceName: _serviceName, ...extensions } = (error.extensions ?? {}) as Record<
      string,
      unknown
    >;
    leafStrings(extensions, values);
  }
  // Refusals name the refused coordinate: schema vocabulary, not data.
  return { values, text: messages.join('\n').replace(/\b[A-Za-z_]\w*\.[A-Za-z_]\w*\b/g, '') };
}

/** Codes with which a whole request is turned away before any field is resolved. */
export const DOOR_REFUSALS = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'OPERATION_NOT_REGISTERED']);

/**
 * A request refused as a whole (401/403, no data): the gateway's token and purpose checks, or a
 * partner sending anything but an operation registered for its institution.
 */
export function refusedAtTheDoor(response: GraphQLResponse<unknown>): boolean {
  return (
    (response.status === 401 || response.status === 403) &&
    response.data == null &&
    (response.errors ?? []).length > 0 &&
    (response.errors ?? []).every((e) => DOOR_REFUSALS.has(String(e.extensions?.code)))
  );
}

export const describeErrors = (errors: readonly GraphQLFormattedError[] | undefined) =>
  JSON.stringify(
    (errors ?? []).map((e) => ({ path: e.path, code: e.extensions?.code, message: e.message })),
  );

/** The case's own value in a response (the nested values, per element when the top is a list). */
export function caseValue(a: Asked, request: Request, base: Record<string, unknown>): unknown {
  if (request.entityIsNested) return base[a.c.nested!];
  const top = base[a.topKey];
  if (!a.nestedKey || top === null || top === undefined) return top;
  return Array.isArray(top)
    ? top.map((e: Record<string, unknown>) => e[a.nestedKey!])
    : (top as Record<string, unknown>)[a.nestedKey];
}

export interface Reference {
  value: unknown;
  /** Changes between two reads (the access log records every read): compared only for presence. */
  volatile: boolean;
  leaks: Set<string>;
}

export const isEmpty = (value: unknown) =>
  value === null ||
  value === undefined ||
  (Array.isArray(value) && value.every((v) => v === null || (Array.isArray(v) && v.length === 0)));

/**
 * Checks one case of a response against the table: an allowed read shows the reference value
 * without an error on its path; a refused one shows null, an error with the expected code at the
 * refused field, and none of the field's data anywhere; a masked one shows null without an error.
 */
export function checkCase(
  a: Asked,
  caller: MatrixCaller,
  request: Request,
  response: GraphQLResponse<unknown>,
  reference: Reference | undefined,
): string[] {
  const { c } = a;
  const problems: string[] = [];
  const fail = (message: string) =>
    problems.push(`${message} [errors: ${describeErrors(response.errors)}]`);
  const expected = expectationOf(c, caller, request.path, request.entityIsNested);
  const errorsAt = (path: Key[]) => (response.errors ?? []).filter((e) => samePath(e.path, path));
  const expectRefusal = (path: Key[], outcome: Outcome) => {
    const codes = errorsAt(path).map((e) => e.extensions?.code);
    if (!codes.includes(outcome))
      fail(`expected ${outcome} at ${path.join('.')}, got ${JSON.stringify(codes)}`);
  };
  const leakCheck = () => {
    if (!reference) return;
    const shown = shownValues(response);
    const leaked = [...reference.leaks].filter(
      (leak) => shown.values.has(leak) || (leak.length >= 6 && shown.text.includes(leak)),
    );
    if (leaked.length > 0) fail(`refused, yet the response shows ${JSON.stringify(leaked)}`);
  };

  if (refusedAtTheDoor(response)) {
    if (isAllowed(expected)) fail(`allowed, yet the request was refused with ${response.status}`);
    leakCheck();
    return problems;
  }
  if (response.status !== 200) {
    fail(`HTTP ${response.status}`);
    return problems;
  }
  const base = request.base(response.data);
  if (request.gate && expected.gate !== 'ALLOWED') {
    if (base.value !== null && base.value !== undefined)
      fail(`expected ${request.gate.path.join('.')} refused, got data`);
    expectRefusal(request.gate.path, expected.gate);
    leakCheck();
    return problems;
  }
  if (!base.value) {
    fail(`no ${ALMAZ.pin} at ${base.path.join('.')}`);
    return problems;
  }
  const topPath = request.entityIsNested ? base.path : [...base.path, a.topKey];
  if (expected.top !== 'ALLOWED') {
    if (base.value[a.topKey] !== null) fail(`expected ${a.topKey} null, got a value`);
    expectRefusal(topPath, expected.top);
    leakCheck();
    return problems;
  }
  if (a.nestedKey && expected.nested !== 'ALLOWED') {
    const top = request.entityIsNested ? base.value : base.value[a.topKey];
    const elements: [Key[], unknown][] = Array.isArray(top)
      ? top.map((e: Record<string, unknown>, i) => [[...topPath, i, a.nestedKey!], e[a.nestedKey!]])
      : [[[...topPath, a.nestedKey], (top as Record<string, unknown> | null)?.[a.nestedKey]]];
    if (top === null || top === undefined) fail(`expected ${a.topKey} readable, got null`);
    else if (elements.length === 0) fail(`no ${a.topKey} element to check ${c.nested} on`);
    for (const [path, nestedValue] of elements) {
      if (nestedValue !== null) fail(`expected ${path.join('.')} null, got a value`);
      if (MASKED.has(c.coordinate)) {
        if (errorsAt(path).length > 0) fail(`expected ${path.join('.')} masked without an error`);
      } else expectRefusal(path, expected.nested);
    }
    leakCheck();
    return problems;
  }
  // Errors about other persons of a list are theirs; none may lie on this case's path.
  const onCase = (response.errors ?? []).filter(
    (e) => onPath(e.path as Key[] | undefined, topPath) || onPath(topPath, e.path as Key[]),
  );
  if (onCase.length > 0) fail(`allowed, yet errors on its path`);
  const value = caseValue(a, request, base.value);
  if (reference) {
    if (reference.volatile) {
      if (isEmpty(value) !== isEmpty(reference.value))
        fail(`allowed, got ${JSON.stringify(value)}`);
    } else if (JSON.stringify(value) !== JSON.stringify(reference.value)) {
      fail(
        `allowed, got ${JSON.stringify(value)}, expected ${JSON.stringify(reference.value)}`.slice(
          0,
          600,
        ),
      );
    }
  }
  return problems;
}

/** Checks every case a request asked; a request of allowed cases must carry no error about the person. */
export function checkRequest(
  caller: MatrixCaller,
  request: Request,
  response: GraphQLResponse<unknown>,
  references: Map<string, Reference>,
): { a: Asked; problems: string[] }[] {
  const results = request.asked.map((a) => ({
    a,
    problems: checkCase(a, caller, request, response, references.get(a.c.coordinate)),
  }));
  if (request.allAllowed && response.status === 200) {
    const basePath = request.base(response.data).path;
    const stray = (response.errors ?? []).filter(
      (e) => onPath(e.path as Key[] | undefined, basePath) || onPath(basePath, e.path as Key[]),
    );
    if (stray.length > 0)
      results[0]!.problems.push(`allowed, yet errors [errors: ${describeErrors(stray)}]`);
  }
  return results;
}

// ---------------------------------------------------------------------------------------------
// Mutations: which agency each belongs to, from @join__field on Mutation.

export const MUTATION = objectType('Mutation');
export const MUTATION_AGENCY = new Map<string, Agency>(
  Object.keys(MUTATION.getFields()).map((name) => [name, graphsOf(MUTATION, name)[0] as Agency]),
);

export const QUERY = objectType('Query');

/** A document asking a root query field with sample values for its required arguments. */
export function rootDocument(name: string): { query: string; variables: Record<string, unknown> } {
  const field = QUERY.getFields()[name]!;
  const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  const declarations = required.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const args = required.map((a) => `${a.name}: $${a.name}`).join(', ');
  return {
    query: `query Root${declarations ? `(${declarations})` : ''} { ${name}${
      args ? `(${args})` : ''
    } ${subSelection(field.type, 1)} }`,
    variables: Object.fromEntries(required.map((a) => [a.name, sampleInput(a.type, ALMAZ.pin)])),
  };
}

/** A value of an input type that passes GraphQL validation (domain checks may still refuse it). */
export function sampleInput(type: GraphQLInputType, pin: string): unknown {
  const inner = getNullableType(type);
  if (isListType(inner)) return [sampleInput(inner.ofType, pin)];
  if (isEnumType(inner)) return inner.getValues()[0]!.value;
  if (isInputObjectType(inner)) {
    return Object.fromEntries(
      Object.values(inner.getFields())
        .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined)
        .map((f) => [f.name, sampleInput(f.type, pin)]),
    );
  }
  const samples: Record<string, unknown> = {
    PIN: pin,
    Date: '2024-01-01',
    CountryCode: 'RU',
    Region: CHYNARA.homeRegion,
    ID: '0'.repeat(24),
    Int: 1,
    Float: 1,
    Boolean: true,
  };
  return samples[inner.name] ?? 'matrix';
}

/** The document a setup write is sent with: the test kit's, from the committed supergraph. */
export { mutationDocument } from '../seed';
