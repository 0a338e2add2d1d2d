import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildASTSchema,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  valueFromASTUntyped,
  type ConstDirectiveNode,
  type GraphQLFormattedError,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLOutputType,
} from 'graphql';
import {
  CONSENT_RECIPIENTS,
  DATA_CLASSES,
  FIELD_CLASSES,
  PURPOSES,
  ROLE_POLICY,
  signRequest,
  type Agency,
  type DataClass,
  type Role,
} from '@jol/schema';
import { createGraphQLClient, type GraphQLResponse } from '../client/graphql-client';
import { REPO_ROOT } from '../store/secantus';
import { startTestSystem, type TestSystem } from '../system/test-system';

/**
 * The generated access matrix: every role x every person-level field of the committed supergraph
 * x every entry path, each outcome computed from the policy table (ROLE_POLICY, FIELD_CLASSES)
 * and checked against the running system. Nothing here lists fields: a field or class added to
 * the supergraph or the table becomes a row of the matrix on the next run.
 */

// ---------------------------------------------------------------------------------------------
// The supergraph, read from the committed file the gateway serves.

const SUPERGRAPH = buildASTSchema(
  parse(readFileSync(join(REPO_ROOT, 'schema', 'supergraph.graphql'), 'utf8')),
  { assumeValidSDL: true },
);

/** The arguments of every use of a directive on a definition, as plain values. */
function directiveUses(
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

function objectType(name: string): GraphQLObjectType {
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
function graphsOf(type: GraphQLObjectType, field: string): string[] {
  const own = directiveUses(type.getFields()[field]!.astNode, 'join__field').filter(
    (j) => j.graph !== undefined && j.external !== true,
  );
  const uses = own.length > 0 ? own : directiveUses(type.astNode, 'join__type');
  return [...new Set(uses.map((j) => graphName(j.graph)))];
}

/** The @key of an entity type in one subgraph; undefined when it is no entity there. */
function keyIn(type: GraphQLObjectType, graph: string): string | undefined {
  const use = directiveUses(type.astNode, 'join__type').find((j) => graphName(j.graph) === graph);
  return use?.key === undefined ? undefined : String(use.key);
}

const PERSON = objectType('Person');
const PERSON_KEYS = new Set(
  directiveUses(PERSON.astNode, 'join__type').flatMap((j) => String(j.key ?? '').split(/\s+/)),
);

/**
 * A field's selection: leaves as they are, objects with their leaf fields and one more level of
 * objects. Fields the policy table classifies are left out: each is a case of its own.
 */
function subSelection(type: GraphQLOutputType, depth: number, inline = false): string {
  const named = getNamedType(type);
  if (!isObjectType(named)) return '';
  const parts = Object.values(named.getFields())
    .filter((f) => !(`${named.name}.${f.name}` in FIELD_CLASSES))
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
// The cases: every field of Person, and every other coordinate of FIELD_CLASSES reached through one.

interface MatrixCase {
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

/** Coordinates the rules mask (null, no error) instead of refusing; from dependant.rules.ts. */
const MASKED = new Set(['Dependant.childPin']);

/** The data class whose refusal outside its readers can be lifted by the person's consent. */
const CONSENT_GATED_CLASS: DataClass = 'healthCertificate';

interface CaseInventory {
  cases: MatrixCase[];
  /** Query fields the table classifies: asked at the root, refused or let through by class. */
  rootQueries: string[];
  /** Table coordinates the committed supergraph does not have. */
  missing: string[];
  /** Table coordinates of other types that no field of Person leads to. */
  unreachable: string[];
  /** Fields of Person, other than its key, that the table does not classify. */
  unclassified: string[];
}

function buildCases(): CaseInventory {
  const cases: MatrixCase[] = [];
  const unclassified: string[] = [];
  for (const field of Object.values(PERSON.getFields())) {
    const coordinate = `Person.${field.name}`;
    if (!(coordinate in FIELD_CLASSES) && !PERSON_KEYS.has(field.name)) {
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
  for (const coordinate of Object.keys(FIELD_CLASSES)) {
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
      unreachable.push(coordinate);
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

const INVENTORY = buildCases();
const CASES = INVENTORY.cases;

// ---------------------------------------------------------------------------------------------
// Test persons, callers and the outcome the policy table predicts.

interface TestPerson {
  pin: string;
  homeRegion: string;
  /** Partner institutions with an exchange case for the person: none, this matrix opens none. */
  partners: readonly string[];
  childPin: string;
  /** Planted in free-text fields so that a leak is easy to spot by eye in a failure. */
  marker: string;
  permitNumber: string;
  name: { cyrillic: [string, string]; latin: [string, string]; sex: string; birthDate: string };
}

const ALMAZ: TestPerson = {
  pin: '10503198812345',
  partners: [],
  homeRegion: 'KG-O',
  childPin: '10101201533333',
  marker: 'Marker-Osh',
  permitNumber: '16-OSH0001',
  name: {
    cyrillic: ['Осмонов', 'Алмаз'],
    latin: ['Osmonov', 'Almaz'],
    sex: 'MALE',
    birthDate: '1988-03-05',
  },
};
const BERMET: TestPerson = {
  pin: '20712199054321',
  partners: [],
  homeRegion: 'KG-J',
  childPin: '20202201644444',
  marker: 'Marker-Jalal',
  permitNumber: '16-JAL0002',
  name: {
    cyrillic: ['Бекова', 'Бермет'],
    latin: ['Bekova', 'Bermet'],
    sex: 'FEMALE',
    birthDate: '1990-12-07',
  },
};
/** Registered and nothing else: the target of refused writes. */
const CHYNARA = { pin: '11111198511111', homeRegion: 'KG-O' };
/** Never registered: the target of a refused registration. */
const DASTAN_PIN = '12202199222222';
/** A person a partner exchanges with the Social Fund about (a case of the matrix's partner). */
const EMIL = { pin: '20106197933333', homeRegion: 'KG-C', snils: '11223344595' };
/** A data subject none of whose data exists: may write nothing here (consents are per own PIN). */
const STRANGER_PIN = '10101200011111';

const ROLES = Object.keys(ROLE_POLICY) as Role[];
const OFFICER_ROLES = ROLES.filter((role) => ROLE_POLICY[role].writes !== null);

interface MatrixCaller {
  label: string;
  role: Role;
  purpose: string;
  claims: { pin?: string; region?: string; partner?: string };
}

function callerFor(role: Role, purpose: string, extra: MatrixCaller['claims'] = {}): MatrixCaller {
  const claims: MatrixCaller['claims'] = { ...extra };
  // Roles limited to some persons carry the claim that names them: the person read, a partner.
  if (ROLE_POLICY[role].ownRecordOnly && !claims.pin) claims.pin = ALMAZ.pin;
  if (ROLE_POLICY[role].partnerCasesOnly && !claims.partner) claims.partner = 'RU-SFR';
  const first = ROLE_POLICY[role].purposes[0];
  const suffix = [
    purpose !== first ? `/${purpose}` : '',
    extra.region ? `@${extra.region}` : '',
    extra.pin && extra.pin !== ALMAZ.pin ? '(another pin)' : '',
  ].join('');
  return { label: `${role}${suffix}`, role, purpose, claims };
}

/**
 * Every role with its first purpose (the data subject as the person read), every other purpose
 * a role may declare, each own-record role with another PIN, and every officer scoped to the
 * person's region and to another one.
 */
const CALLERS: MatrixCaller[] = [
  ...ROLES.map((role) => callerFor(role, ROLE_POLICY[role].purposes[0]!)),
  ...ROLES.flatMap((role) =>
    ROLE_POLICY[role].purposes.slice(1).map((purpose) => callerFor(role, purpose)),
  ),
  ...ROLES.filter((role) => ROLE_POLICY[role].ownRecordOnly).map((role) =>
    callerFor(role, ROLE_POLICY[role].purposes[0]!, { pin: BERMET.pin }),
  ),
  ...OFFICER_ROLES.flatMap((role) =>
    [ALMAZ.homeRegion, BERMET.homeRegion].map((region) =>
      callerFor(role, ROLE_POLICY[role].purposes[0]!, { region }),
    ),
  ),
];

/** The caller whose root-path outcomes stand for its role's row of the table. */
const callerForRow = (role: Role) => CALLERS.find((k) => k.role === role)!;

/** Consents planted for ALMAZ: recipient agency, purpose, still active. */
const CONSENTS: { recipient: string; purpose: string; active: boolean }[] = [
  { recipient: 'LABOUR', purpose: 'EMPLOYMENT_SERVICES', active: true },
  { recipient: 'MIGRATION', purpose: 'RETURNEE_SUPPORT', active: false },
];

type Outcome = 'ALLOWED' | 'FORBIDDEN' | 'CONSENT_REQUIRED';
interface Subject {
  pin: string;
  homeRegion: string;
  /** Partner institutions with an exchange case for the person. */
  partners: readonly string[];
}

/**
 * Whether a role limited to some persons (own record, partner cases) reaches the subject; null
 * when the role reaches every person (then the region claim limits it).
 */
function limitedReach(caller: MatrixCaller, subject: Subject): boolean | null {
  const policy = ROLE_POLICY[caller.role];
  if (!policy.ownRecordOnly && !policy.partnerCasesOnly) return null;
  const ownRecord = !!policy.ownRecordOnly && caller.claims.pin === subject.pin;
  const partnerCase =
    !!policy.partnerCasesOnly &&
    caller.claims.partner !== undefined &&
    subject.partners.includes(caller.claims.partner);
  return ownRecord || partnerCase;
}

const declares = (caller: MatrixCaller) =>
  (ROLE_POLICY[caller.role].purposes as readonly string[]).includes(caller.purpose);
const outsideRegion = (caller: MatrixCaller, subject: Subject) =>
  caller.claims.region !== undefined &&
  caller.claims.region !== subject.homeRegion &&
  caller.claims.pin !== subject.pin;

/** What the table says about one class of one person for a caller. */
function expectedRead(caller: MatrixCaller, dataClass: DataClass, subject: Subject): Outcome {
  const policy = ROLE_POLICY[caller.role];
  if (!declares(caller)) return 'FORBIDDEN';
  if (!policy.reads.includes(dataClass)) {
    const agency = (Object.keys(CONSENT_RECIPIENTS) as Exclude<Agency, 'health'>[]).find(
      (a) => CONSENT_RECIPIENTS[a] === caller.role,
    );
    if (dataClass !== CONSENT_GATED_CLASS || !agency) return 'FORBIDDEN';
    if (outsideRegion(caller, subject)) return 'FORBIDDEN';
    const consented =
      subject.pin === ALMAZ.pin &&
      CONSENTS.some(
        (c) => c.active && c.recipient.toLowerCase() === agency && c.purpose === caller.purpose,
      );
    return consented ? 'ALLOWED' : 'CONSENT_REQUIRED';
  }
  const reach = limitedReach(caller, subject);
  if (reach === false) return 'FORBIDDEN';
  if (reach === null && outsideRegion(caller, subject)) return 'FORBIDDEN';
  return 'ALLOWED';
}

/** `person(pin)`: some person-level read for the purpose, and the person in reach. */
function expectedLookup(caller: MatrixCaller, subject: Subject): Outcome {
  if (!declares(caller) || ROLE_POLICY[caller.role].reads.length === 0) return 'FORBIDDEN';
  const reach = limitedReach(caller, subject);
  if (reach === false) return 'FORBIDDEN';
  if (reach === null && outsideRegion(caller, subject)) return 'FORBIDDEN';
  return 'ALLOWED';
}

/** `persons(filter: { region })`: roles reading anyone's identity, and only their own region. */
function expectedList(caller: MatrixCaller, region: string): Outcome {
  const policy = ROLE_POLICY[caller.role];
  if (!declares(caller) || !policy.reads.includes('identity')) return 'FORBIDDEN';
  if (policy.ownRecordOnly || policy.partnerCasesOnly) return 'FORBIDDEN';
  if (caller.claims.region !== undefined && caller.claims.region !== region) return 'FORBIDDEN';
  return 'ALLOWED';
}

function expectedField(caller: MatrixCaller, coordinate: string, subject: Subject): Outcome {
  const dataClass = FIELD_CLASSES[coordinate];
  return dataClass ? expectedRead(caller, dataClass, subject) : 'ALLOWED';
}

// ---------------------------------------------------------------------------------------------
// Entry paths: how cases are asked, and where their values and refusals land in the response.

type PathName = 'root' | 'nested' | 'entities' | 'alias' | 'fragment';
const PATHS: PathName[] = ['root', 'nested', 'entities', 'alias', 'fragment'];

type Key = string | number;

/** Where an `_entities` call goes and which entity it sends. */
type EntityCall = MatrixCase['entityCalls'][number];

/** One case as one request asks it: the response keys its fields answer under. */
interface Asked {
  c: MatrixCase;
  topKey: string;
  nestedKey?: string;
}

interface Request {
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

interface Expectation {
  gate: Outcome;
  top: Outcome;
  nested: Outcome;
}

function expectationOf(
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

const isAllowed = (e: Expectation) =>
  e.gate === 'ALLOWED' && e.top === 'ALLOWED' && e.nested === 'ALLOWED';

function selectionOf(a: Asked, style: 'plain' | 'alias' | 'fragment'): string {
  const { c } = a;
  const leaf = style === 'fragment' ? c.leafSelectionInline : c.leafSelection;
  const top = style === 'alias' ? `${a.topKey}: ${c.top}` : c.top;
  if (!c.nested) return `${top} ${leaf}`;
  const nested = `${style === 'alias' ? `${a.nestedKey}: ${c.nested}` : c.nested} ${leaf}`;
  const type = getNamedType(PERSON.getFields()[c.top]!.type).name;
  return style === 'fragment' ? `${top} { ... on ${type} { ${nested} } }` : `${top} { ${nested} }`;
}

/** One request asking `cases` (distinct top fields) on one entry path. */
function buildRequest(
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
const BATCH: Record<PathName, number> = {
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
function plan(caller: MatrixCaller, path: PathName): Request[] {
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

const samePath = (a: readonly Key[] | undefined, b: readonly Key[]) =>
  !!a && a.length === b.length && a.every((k, i) => k === b[i]);
/** One path lies on the other (equal, an ancestor or a descendant). */
const onPath = (a: readonly Key[] | undefined, b: readonly Key[]) =>
  !a || a.slice(0, b.length).every((k, i) => k === b[i]);

function leafStrings(value: unknown, into = new Set<string>()): Set<string> {
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
function shownValues(response: GraphQLResponse<unknown>): { values: Set<string>; text: string } {
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
const DOOR_REFUSALS = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'OPERATION_NOT_REGISTERED']);

/**
 * A request refused as a whole (401/403, no data): the gateway's token and purpose checks, or a
 * partner sending anything but an operation registered for its institution.
 */
function refusedAtTheDoor(response: GraphQLResponse<unknown>): boolean {
  return (
    (response.status === 401 || response.status === 403) &&
    response.data == null &&
    (response.errors ?? []).length > 0 &&
    (response.errors ?? []).every((e) => DOOR_REFUSALS.has(String(e.extensions?.code)))
  );
}

const describeErrors = (errors: readonly GraphQLFormattedError[] | undefined) =>
  JSON.stringify(
    (errors ?? []).map((e) => ({ path: e.path, code: e.extensions?.code, message: e.message })),
  );

/** The case's own value in a response (the nested values, per element when the top is a list). */
function caseValue(a: Asked, request: Request, base: Record<string, unknown>): unknown {
  if (request.entityIsNested) return base[a.c.nested!];
  const top = base[a.topKey];
  if (!a.nestedKey || top === null || top === undefined) return top;
  return Array.isArray(top)
    ? top.map((e: Record<string, unknown>) => e[a.nestedKey!])
    : (top as Record<string, unknown>)[a.nestedKey];
}

interface Reference {
  value: unknown;
  /** Changes between two reads (the access log records every read): compared only for presence. */
  volatile: boolean;
  leaks: Set<string>;
}

const isEmpty = (value: unknown) =>
  value === null ||
  value === undefined ||
  (Array.isArray(value) && value.every((v) => v === null || (Array.isArray(v) && v.length === 0)));

/**
 * Checks one case of a response against the table: an allowed read shows the reference value
 * without an error on its path; a refused one shows null, an error with the expected code at the
 * refused field, and none of the field's data anywhere; a masked one shows null without an error.
 */
function checkCase(
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
function checkRequest(
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

const MUTATION = objectType('Mutation');
const MUTATION_AGENCY = new Map<string, Agency>(
  Object.keys(MUTATION.getFields()).map((name) => [name, graphsOf(MUTATION, name)[0] as Agency]),
);

/** Roles the table lets make a mutation: officers of its agency, and roles submitting its class. */
function writersOf(mutation: string): Role[] {
  const agency = MUTATION_AGENCY.get(mutation);
  const submitted = FIELD_CLASSES[`Mutation.${mutation}`];
  return ROLES.filter(
    (role) =>
      ROLE_POLICY[role].writes === agency ||
      (submitted !== undefined && (ROLE_POLICY[role].submits ?? []).includes(submitted)),
  );
}

const QUERY = objectType('Query');

/**
 * A root query field the table classifies: refused to a role without the class for its purpose,
 * let through to a role reading every person's; a role limited to some persons (or a region)
 * depends on whom the answer concerns, which a generated query cannot know.
 */
function expectedRoot(caller: MatrixCaller, dataClass: DataClass): Outcome | 'UNKNOWN' {
  const policy = ROLE_POLICY[caller.role];
  if (!declares(caller) || !policy.reads.includes(dataClass)) return 'FORBIDDEN';
  if (policy.ownRecordOnly || policy.partnerCasesOnly || caller.claims.region) return 'UNKNOWN';
  return 'ALLOWED';
}

/** A document asking a root query field with sample values for its required arguments. */
function rootDocument(name: string): { query: string; variables: Record<string, unknown> } {
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
function sampleInput(type: GraphQLInputType, pin: string): unknown {
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

function mutationDocument(name: string): string {
  const field = MUTATION.getFields()[name]!;
  const declarations = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const returned = getNamedType(field.type);
  const selection =
    isObjectType(returned) && returned.getFields().id ? '{ __typename id }' : '{ __typename }';
  return `mutation ${name}(${declarations}) { ${name}(${args}) ${selection} }`;
}

// ---------------------------------------------------------------------------------------------

const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

async function pool<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(size, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]!);
      }
    }),
  );
  return results;
}

// testTimeout is a global option in jest: the e2e project's own 120 s never applies.
jest.setTimeout(120_000);

describe('policy matrix: every role x every field x every entry path', () => {
  let jol: TestSystem;
  const tokens = new Map<string, string>();
  const references = new Map<string, Reference>();
  /** Mutations the setup made, by the role that made them, and the input it used. */
  const setupWrites: { mutation: string; role: Role; variables: Record<string, unknown> }[] = [];
  const checked: Record<string, number> = {};
  const requestsSent: Record<string, number> = {};
  /** role -> data class -> outcomes observed on a Person-level or nested coordinate. */
  const observed = new Map<string, Map<string, Set<Outcome>>>();
  let sequence = 0;

  const tokenOf = async (caller: MatrixCaller) => {
    let token = tokens.get(caller.label);
    if (!token) {
      token = await jol.token(caller.role, caller.claims);
      tokens.set(caller.label, token);
    }
    return token;
  };

  async function send(
    caller: MatrixCaller,
    query: string,
    variables: Record<string, unknown>,
    graph?: string,
    purpose: string | null = caller.purpose,
  ): Promise<GraphQLResponse<unknown>> {
    const token = await tokenOf(caller);
    const requestId = `policy-matrix-${++sequence}`;
    if (!graph) {
      const client = createGraphQLClient(jol.graphqlUrl, {
        token,
        ...(purpose === null ? {} : { purpose }),
        requestId,
      });
      return client(query, variables);
    }
    const url = jol.system.subgraphUrls[graph]!;
    const body = JSON.stringify({ query, variables });
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        ...(purpose === null ? {} : { 'x-purpose': purpose }),
        'x-request-id': requestId,
        ...signRequest(jol.keys.signingSecret, {
          method: 'POST',
          path: new URL(url).pathname,
          body,
          requestId,
        }),
      },
      body,
    });
    const text = await response.text();
    try {
      return { status: response.status, headers: response.headers, ...JSON.parse(text) };
    } catch {
      return { status: response.status, headers: response.headers, errors: [{ message: text }] };
    }
  }

  async function write(
    role: Role,
    mutation: string,
    input: Record<string, unknown>,
    claims: MatrixCaller['claims'] = {},
  ): Promise<{ id?: string }> {
    const caller = callerFor(role, ROLE_POLICY[role].purposes[0]!, claims);
    const variables = { input };
    const result = await send(caller, mutationDocument(mutation), variables);
    if (result.errors || !result.data)
      throw new Error(
        `setup ${role} ${mutation} failed: ${JSON.stringify(result.errors ?? result.status)}`,
      );
    setupWrites.push({ mutation, role, variables });
    return (result.data as Record<string, { id?: string }>)[mutation]!;
  }

  /** Data in every agency for one person, written by the officers (and the person) through the gateway. */
  async function plant(p: TestPerson) {
    const { pin, marker } = p;
    await write('MIGRATION_OFFICER', 'registerPerson', {
      pin,
      nameCyrillic: { last: p.name.cyrillic[0], first: p.name.cyrillic[1] },
      nameLatin: { last: p.name.latin[0], first: p.name.latin[1] },
      birthDate: p.name.birthDate,
      sex: p.name.sex,
      homeRegion: p.homeRegion,
      russianProficiency: 'GOOD',
    });
    await write('MIGRATION_OFFICER', 'registerDeparture', {
      pin,
      departedOn: '2021-02-01',
      country: 'RU',
      city: `${marker} City`,
      purpose: 'WORK',
    });
    await write('MIGRATION_OFFICER', 'registerReturn', { pin, returnedOn: '2024-10-15' });
    await write('MIGRATION_OFFICER', 'recordEntryBan', {
      pin,
      country: 'RU',
      from: '2024-10-16',
      until: '2029-10-15',
      reason: 'OVERSTAY',
    });
    await write('MIGRATION_OFFICER', 'recordDependant', {
      pin,
      childPin: p.childPin,
      relation: 'CHILD',
      caregiver: 'GRANDPARENT',
    });
    await write('LABOUR_OFFICER', 'recordEmployment', {
      pin,
      country: 'RU',
      employer: `${marker} Stroy LLC`,
      sector: 'CONSTRUCTION',
      formal: true,
      permitType: 'PATENT',
      permitNumber: p.permitNumber,
      from: '2021-03-01',
      to: '2024-09-30',
    });
    const enrolment = await write('LABOUR_OFFICER', 'enrolInReintegration', {
      pin,
      programme: 'VOCATIONAL_TRAINING',
      enrolledOn: '2024-11-01',
    });
    await write('LABOUR_OFFICER', 'updateReintegrationStatus', {
      id: enrolment.id,
      status: 'COMPLETED',
      on: '2025-02-01',
    });
    await write('LABOUR_OFFICER', 'recordSkill', {
      pin,
      name: `${marker} Welding`,
      level: 'ADVANCED',
      certifiedBy: `${marker} Lyceum`,
      certifiedOn: '2025-02-01',
    });
    for (const kind of ['TB', 'HIV']) {
      await write('HEALTH_OFFICER', 'recordScreening', {
        pin,
        kind,
        result: 'NEGATIVE',
        screenedOn: isoDay(-30),
        facility: `${marker} ${kind} Dispensary`,
      });
    }
    const tbCase = await write('HEALTH_OFFICER', 'recordTbCase', {
      pin,
      diagnosedOn: '2023-01-10',
      drugResistant: false,
      treatmentStatus: 'NOT_STARTED',
    });
    await write('HEALTH_OFFICER', 'updateTbTreatmentStatus', {
      id: tbCase.id,
      status: 'IN_TREATMENT',
    });
    await write('HEALTH_OFFICER', 'recordTbOutcome', {
      id: tbCase.id,
      outcome: 'CURED',
      on: '2023-08-01',
    });
    await write('HEALTH_OFFICER', 'setHealthInsurance', {
      pin,
      status: 'INSURED',
      scheme: 'MIGRANT_POLICY',
      validFrom: '2024-11-01',
      validUntil: isoDay(365),
    });
    // The person consents for labour; a health officer records one for migration and revokes it.
    for (const consent of CONSENTS) {
      const input = {
        pin,
        recipientAgency: consent.recipient,
        purpose: consent.purpose,
        expiresOn: isoDay(365),
      };
      const granted = consent.active
        ? await write('DATA_SUBJECT', 'grantHealthConsent', input, { pin })
        : await write('HEALTH_OFFICER', 'grantHealthConsent', input);
      if (!consent.active) await write('HEALTH_OFFICER', 'revokeHealthConsent', { id: granted.id });
    }
    await write('PENSION_OFFICER', 'recordInsurancePeriod', {
      pin,
      country: 'RU',
      from: '2021-03-01',
      to: '2024-09-30',
      type: 'EMPLOYMENT',
      source: 'PARTNER_REPORTED',
    });
    await write('PENSION_OFFICER', 'recordContribution', {
      pin,
      paidOn: '2024-05-10',
      periodMonth: '2024-04',
      amount: '1250.00',
      currency: 'RUB',
      kind: 'VOLUNTARY',
    });
  }

  /** The first caller the table allows a case on the root path reads it twice: the reference. */
  async function readReferences() {
    await pool(CASES, 6, async (c) => {
      const caller = CALLERS.find((k) => isAllowed(expectationOf(c, k, 'root')));
      if (!caller) return;
      const request = buildRequest('root', caller, [c]);
      const reads = [];
      for (let i = 0; i < 2; i++) {
        const response = await send(caller, request.query, request.variables);
        const base = request.base(response.data).value;
        if (response.errors || !base)
          throw new Error(
            `reference read of ${c.coordinate} as ${caller.label} failed: ${describeErrors(
              response.errors,
            )}`,
          );
        reads.push(caseValue(request.asked[0]!, request, base));
      }
      const leaks = leafStrings(reads);
      leaks.delete(ALMAZ.pin);
      references.set(c.coordinate, {
        value: reads[1],
        volatile: JSON.stringify(reads[0]) !== JSON.stringify(reads[1]),
        leaks,
      });
    });
  }

  beforeAll(async () => {
    jol = await startTestSystem('policy-matrix');
    await plant(ALMAZ);
    await plant(BERMET);
    await write('MIGRATION_OFFICER', 'registerPerson', {
      pin: CHYNARA.pin,
      nameCyrillic: { last: 'Абдыкадырова', first: 'Чынара' },
      nameLatin: { last: 'Abdykadyrova', first: 'Chynara' },
      birthDate: '1985-11-11',
      sex: 'FEMALE',
      homeRegion: CHYNARA.homeRegion,
      russianProficiency: 'BASIC',
    });
    await readReferences();
  });

  afterAll(async () => {
    const total = Object.values(checked).reduce((a, b) => a + b, 0);
    const perPath = Object.entries(checked)
      .map(
        ([path, n]) =>
          `${path} ${n}${requestsSent[path] ? ` in ${requestsSent[path]} requests` : ''}`,
      )
      .join(', ');
    console.log(
      `policy matrix: ${CASES.length} coordinates x ${CALLERS.length} callers; ${total} cases checked (${perPath})`,
    );
    await jol?.stop();
  });

  describe('the table and the graph agree', () => {
    it('gives every field of Person but its key a data class', () => {
      expect(INVENTORY.unclassified).toEqual([]);
    });

    it('has every coordinate of FIELD_CLASSES in the committed supergraph', () => {
      expect(INVENTORY.missing).toEqual([]);
    });

    it('reaches every coordinate of FIELD_CLASSES but root fields from Person', () => {
      expect(INVENTORY.unreachable).toEqual([]);
    });

    it('has data for every coordinate, so that allowed reads prove something', () => {
      const missing = CASES.filter((c) => {
        const reference = references.get(c.coordinate);
        return !reference || isEmpty(reference.value);
      }).map((c) => c.coordinate);
      expect(missing).toEqual([]);
    });
  });

  describe.each(PATHS)('entry path %s', (path) => {
    it.each(CALLERS.map((caller) => [caller.label, caller] as const))(
      '%s: every coordinate as the policy table says',
      async (_label, caller) => {
        const requests = plan(caller, path);
        const recordsRows = path === 'root' && callerForRow(caller.role) === caller;
        const problems = (
          await pool(requests, 8, async (request) => {
            const response = await send(caller, request.query, request.variables, request.graph);
            const where = request.graph ? `${path}->${request.graph}` : path;
            return checkRequest(caller, request, response, references).flatMap(
              ({ a, problems }) => {
                const dataClass = FIELD_CLASSES[a.c.coordinate];
                if (recordsRows && dataClass && problems.length === 0) {
                  const byClass = observed.get(caller.role) ?? new Map<string, Set<Outcome>>();
                  observed.set(caller.role, byClass);
                  const outcomes = byClass.get(dataClass) ?? new Set<Outcome>();
                  byClass.set(dataClass, outcomes);
                  outcomes.add(expectedField(caller, a.c.coordinate, ALMAZ));
                }
                return problems.map((p) => `${caller.label} | ${where} | ${a.c.coordinate}: ${p}`);
              },
            );
          })
        ).flat();
        checked[path] = (checked[path] ?? 0) + requests.reduce((n, r) => n + r.asked.length, 0);
        requestsSent[path] = (requestsSent[path] ?? 0) + requests.length;
        expect(problems).toEqual([]);
      },
    );
  });

  it('refuses the root fields the table classifies to roles without their class', async () => {
    const problems: string[] = [];
    let asked = 0;
    for (const name of INVENTORY.rootQueries) {
      const dataClass = FIELD_CLASSES[`Query.${name}`]!;
      const { query, variables } = rootDocument(name);
      for (const caller of CALLERS) {
        const expected = expectedRoot(caller, dataClass);
        if (expected === 'UNKNOWN') continue;
        for (const graph of [undefined, ...graphsOf(QUERY, name)]) {
          asked++;
          const response = await send(caller, query, variables, graph);
          const codes = (response.errors ?? [])
            .filter((e) => samePath(e.path, [name]))
            .map((e) => String(e.extensions?.code));
          const refused =
            refusedAtTheDoor(response) ||
            ((response.data as Record<string, unknown> | null)?.[name] == null &&
              codes.includes('FORBIDDEN'));
          const letThrough =
            response.status === 200 &&
            !codes.some((code) => DOOR_REFUSALS.has(code) || code === 'CONSENT_REQUIRED');
          if (expected === 'FORBIDDEN' ? !refused : !letThrough)
            problems.push(
              `${caller.label} | ${graph ?? 'gateway'} | Query.${name}: expected ${expected} [errors: ${describeErrors(response.errors)}]`,
            );
          else if (!graph && callerForRow(caller.role) === caller) {
            const byClass = observed.get(caller.role) ?? new Map<string, Set<Outcome>>();
            observed.set(caller.role, byClass);
            byClass.set(dataClass, new Set([...(byClass.get(dataClass) ?? []), expected]));
          }
        }
      }
    }
    checked.rootFields = asked;
    expect(problems).toEqual([]);
  });

  describe('purposes', () => {
    it('refuses every role a purpose not in its list: 403 at the gateway, refused at the subgraphs', async () => {
      const problems: string[] = [];
      const combos = ROLES.flatMap((role) =>
        PURPOSES.filter((p) => !(ROLE_POLICY[role].purposes as readonly string[]).includes(p)).map(
          (purpose) => [role, purpose] as const,
        ),
      );
      await pool(combos, 8, async ([role, purpose]) => {
        const caller = { ...callerFor(role, ROLE_POLICY[role].purposes[0]!), purpose };
        caller.label = `${role}/${purpose}`;
        const atGateway = await send(caller, `query ($pin: PIN!) { person(pin: $pin) { pin } }`, {
          pin: ALMAZ.pin,
        });
        if (atGateway.status !== 403 || atGateway.errors?.[0]?.extensions?.code !== 'FORBIDDEN')
          problems.push(`${caller.label} at the gateway: HTTP ${atGateway.status}`);
        // A signed call straight to a subgraph, for a field the role reads under its own purposes.
        const c =
          CASES.find(
            (k) =>
              !k.nested &&
              FIELD_CLASSES[k.coordinate] !== undefined &&
              ROLE_POLICY[role].reads.includes(FIELD_CLASSES[k.coordinate]!),
          ) ?? CASES.find((k) => FIELD_CLASSES[k.coordinate] !== undefined)!;
        for (const target of c.entityCalls) {
          const request = buildRequest('entities', caller, [c], target);
          const response = await send(caller, request.query, request.variables, request.graph);
          for (const { problems: found } of checkRequest(caller, request, response, references))
            problems.push(
              ...found.map((p) => `${caller.label} -> ${target.graph} ${c.coordinate}: ${p}`),
            );
        }
      });
      checked.purposes = combos.length;
      expect(problems).toEqual([]);
    });

    it('refuses a person read without a purpose to every role', async () => {
      const problems: string[] = [];
      for (const role of ROLES) {
        const caller = callerFor(role, ROLE_POLICY[role].purposes[0]!);
        const response = await send(
          caller,
          `query ($pin: PIN!) { person(pin: $pin) { pin } }`,
          { pin: ALMAZ.pin },
          undefined,
          null,
        );
        const refused =
          refusedAtTheDoor(response) ||
          ((response.data as { person?: unknown } | null)?.person == null &&
            response.errors?.some(
              (e) => samePath(e.path, ['person']) && e.extensions?.code === 'FORBIDDEN',
            ));
        if (!refused) problems.push(`${role}: ${describeErrors(response.errors)}`);
      }
      expect(problems).toEqual([]);
    });
  });

  describe('mutations', () => {
    /** What each agency's owner reads of A, B, C and D: must not change under refused writes. */
    async function ownersView(): Promise<Record<string, unknown>> {
      const view: Record<string, unknown> = {};
      for (const agency of new Set(MUTATION_AGENCY.values())) {
        const owner = ROLES.find((r) => ROLE_POLICY[r].writes === agency)!;
        const caller = callerFor(owner, ROLE_POLICY[owner].purposes[0]!);
        const selection = CASES.filter(
          (c) =>
            c.entityCalls.some((e) => e.graph === agency) &&
            !references.get(c.coordinate)?.volatile &&
            expectedField(caller, `Person.${c.top}`, ALMAZ) === 'ALLOWED' &&
            expectedField(caller, c.coordinate, ALMAZ) === 'ALLOWED',
        )
          .map((c) => selectionOf({ c, topKey: c.top, nestedKey: c.nested }, 'plain'))
          .join(' ');
        for (const pin of [ALMAZ.pin, BERMET.pin, CHYNARA.pin, DASTAN_PIN]) {
          const response = await send(
            caller,
            `query ($pin: PIN!) { person(pin: $pin) { pin ${selection} } }`,
            { pin },
          );
          expect(response.errors).toBeUndefined();
          view[`${agency} ${pin}`] = response.data;
        }
      }
      return view;
    }

    it('refuses every mutation to every role the table does not let write it, and writes nothing', async () => {
      const before = await ownersView();
      const problems: string[] = [];
      let attempts = 0;
      for (const mutation of MUTATION_AGENCY.keys()) {
        const field = MUTATION.getFields()[mutation]!;
        const target = getNamedType(field.type).name === 'Person' ? DASTAN_PIN : CHYNARA.pin;
        const setup = setupWrites.find((w) => w.mutation === mutation)?.variables;
        const variables = Object.fromEntries(
          field.args.map((a) => {
            const used = setup?.[a.name] as Record<string, unknown> | undefined;
            if (!used) return [a.name, sampleInput(a.type, target)];
            return [a.name, 'pin' in used ? { ...used, pin: target } : used];
          }),
        );
        for (const role of ROLES.filter((r) => !writersOf(mutation).includes(r))) {
          const caller = callerFor(role, ROLE_POLICY[role].purposes[0]!, {
            ...(ROLE_POLICY[role].ownRecordOnly ? { pin: STRANGER_PIN } : {}),
          });
          attempts++;
          const response = await send(caller, mutationDocument(mutation), variables);
          const value = (response.data as Record<string, unknown> | null)?.[mutation];
          const codes = (response.errors ?? [])
            .filter((e) => samePath(e.path, [mutation]))
            .map((e) => e.extensions?.code);
          if (refusedAtTheDoor(response)) continue;
          if (value != null || !codes.includes('FORBIDDEN'))
            problems.push(`${caller.label} ${mutation}: ${describeErrors(response.errors)}`);
        }
      }
      checked.mutations = attempts;
      expect(problems).toEqual([]);
      expect(await ownersView()).toEqual(before);
    });

    /**
     * A partner's exchange with the Social Fund for a person of its own: the only way to reach the
     * mutations on documents, which refuse a document id of no case the partner holds.
     */
    async function exchange() {
      const partner = callerForRow('PARTNER');
      const officer = callerForRow('PENSION_OFFICER');
      const run = async (
        caller: MatrixCaller,
        mutation: string,
        input: Record<string, unknown>,
        selection: string,
        graph?: string,
      ) => {
        const field = MUTATION.getFields()[mutation]!;
        const response = await send(
          caller,
          `mutation ${mutation}($input: ${field.args[0]!.type.toString()}) {
            ${mutation}(input: $input) ${selection} }`,
          { input },
          graph,
        );
        const value = (response.data as Record<string, Record<string, string>> | null)?.[mutation];
        if (!value) throw new Error(`${mutation}: ${describeErrors(response.errors)}`);
        setupWrites.push({ mutation, role: caller.role, variables: { input } });
        return value;
      };
      await write('MIGRATION_OFFICER', 'registerPerson', {
        pin: EMIL.pin,
        nameCyrillic: { last: 'Жумабаев', first: 'Эмиль' },
        nameLatin: { last: 'Zhumabaev', first: 'Emil' },
        birthDate: '1979-06-01',
        sex: 'MALE',
        homeRegion: EMIL.homeRegion,
        russianProficiency: 'FLUENT',
      });
      // Partners never reach the graph with a free-form document: straight to the Social Fund.
      const { caseId } = await run(
        partner,
        'openPensionExchangeCase',
        { pin: EMIL.pin, foreignId: EMIL.snils, agreement: 'EAEU-2019' },
        '{ caseId }',
        'pensions',
      );
      const period = { country: 'RU', type: 'EMPLOYMENT', years: 1, months: 0, days: 0 };
      const { documentId } = await run(
        partner,
        'submitPensionExchangePeriods',
        {
          caseId,
          pin: EMIL.pin,
          foreignId: EMIL.snils,
          idempotencyKey: 'policy-matrix-1',
          periods: [{ ...period, from: '2022-01-01', to: '2022-12-31' }],
        },
        '{ documentId }',
        'pensions',
      );
      await run(partner, 'remindPensionExchangeDocument', { caseId }, '{ documentId }', 'pensions');
      const decision = await run(
        officer,
        'recordPensionDecision',
        {
          caseId,
          type: 'OLD_AGE',
          result: 'REFUSED',
          effectiveOn: '2024-01-01',
          refusalReasons: ['record too short'],
          basis: 'WORK',
        },
        '{ documentId }',
      );
      await run(
        partner,
        'acknowledgePensionExchangeDocument',
        { documentId: decision.documentId },
        '{ documentId }',
        'pensions',
      );
      await run(
        partner,
        'invalidatePensionExchangeDocument',
        { documentId, reason: 'sent for the wrong person' },
        '{ documentId }',
        'pensions',
      );
    }

    it('lets a writer the table names make every mutation of the supergraph', async () => {
      // The setup's writes are the proof; a mutation the setup does not make is sent straight to
      // its subgraph with sample input, and must get past the rules (any refusal but theirs is fine).
      await exchange();
      const unproven: string[] = [];
      for (const mutation of MUTATION_AGENCY.keys()) {
        const writers = writersOf(mutation);
        if (setupWrites.some((w) => w.mutation === mutation && writers.includes(w.role))) continue;
        const field = MUTATION.getFields()[mutation]!;
        const variables = Object.fromEntries(
          field.args.map((a) => [a.name, sampleInput(a.type, CHYNARA.pin)]),
        );
        let passed = false;
        for (const role of writers) {
          const caller = callerFor(role, ROLE_POLICY[role].purposes[0]!);
          const response = await send(
            caller,
            mutationDocument(mutation),
            variables,
            MUTATION_AGENCY.get(mutation),
          );
          const codes = (response.errors ?? []).map((e) => String(e.extensions?.code));
          if (response.status === 200 && !codes.some((code) => DOOR_REFUSALS.has(code)))
            passed = true;
        }
        if (!passed) unproven.push(`${mutation} (writers: ${writers.join(', ') || 'none'})`);
      }
      expect(unproven).toEqual([]);
    });
  });

  it('holds every row of the policy table: each role x class was observed as the table says', () => {
    const missing: string[] = [];
    const personClasses = new Set(CASES.map((c) => FIELD_CLASSES[c.coordinate]));
    const rootClasses = new Set(INVENTORY.rootQueries.map((q) => FIELD_CLASSES[`Query.${q}`]));
    for (const role of ROLES) {
      const caller = callerForRow(role);
      for (const dataClass of Object.keys(DATA_CLASSES) as DataClass[]) {
        // A class no field of the supergraph carries yet is the table-and-graph tests' failure.
        if (!personClasses.has(dataClass)) {
          if (!rootClasses.has(dataClass) || expectedRoot(caller, dataClass) === 'UNKNOWN')
            continue;
        }
        const expected = expectedRead(caller, dataClass, ALMAZ);
        const seen = observed.get(role)?.get(dataClass);
        if (!seen?.has(expected)) missing.push(`${caller.label} x ${dataClass}: ${expected}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
