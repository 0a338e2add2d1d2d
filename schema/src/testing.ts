import { randomUUID } from 'node:crypto';
import type { GraphQLFormattedError } from 'graphql';
import type { Connection } from 'mongoose';
import { ROLE_POLICY } from './access/policy';
import type { Role } from './access/roles';
import {
  subjectDirectoryUnavailable,
  type SubjectAnswer,
  type SubjectDirectoryFactory,
} from './access/subject-directory';
import type { SubgraphAccessOptions } from './subgraph-server';
import type { Caller } from './context';
import { createLogger, type Logger } from './logger';
import { connectStore, ensureIndexes } from './store';
import type { SubgraphServer } from './subgraph-server';

/**
 * Helpers for service tests: a fresh database on the real store the test run started
 * (`MONGODB_URI`), and operations executed through the subgraph's own Apollo Server.
 */
export async function openTestDatabase(agency: string): Promise<Connection> {
  const uri = process.env.MONGODB_URI;
  if (!uri)
    throw new Error('MONGODB_URI is not set: service tests run under the jest global setup');
  return connectStore({ uri, dbName: `test_${agency}_${randomUUID().slice(0, 8)}` });
}

export async function dropTestDatabase(connection: Connection): Promise<void> {
  await connection.dropDatabase();
  await connection.close();
}

export const quietLogger = () => createLogger('test', 'silent');

export interface ExecuteResult<TData = Record<string, unknown>> {
  data?: TData | null;
  errors?: readonly GraphQLFormattedError[];
}

/**
 * The person register a service test runs against, in place of the migration service the subject
 * directory asks in production: PIN -> answer. A PIN it does not list is a registered person of
 * unknown home region and birth date (so a region-scoped writer is refused it); a test that needs
 * a home region, a birth date, an unknown PIN or an unreachable register sets it here.
 */
export type TestRegister = Map<string, SubjectAnswer | 'unreachable'>;

/** A subject directory over a test register, consulted afresh at every question. */
export function testSubjectDirectory(register: TestRegister = new Map()): SubjectDirectoryFactory {
  return () => ({
    find: async (pin) => {
      const answer = register.get(pin);
      if (answer === 'unreachable') throw subjectDirectoryUnavailable();
      return answer ?? { kind: 'known', facts: { homeRegion: null, birthDate: null } };
    },
  });
}

/** A registered person of the test register, born on `birthDate` (YYYY-MM-DD). */
export function registeredPerson(homeRegion: string, birthDate: string): SubjectAnswer {
  return { kind: 'known', facts: { homeRegion, birthDate: new Date(`${birthDate}T00:00:00Z`) } };
}

/**
 * Access options for service tests, which call Apollo Server directly (no HTTP, so no signature
 * and no token to verify; the caller is given to `execute`).
 */
export function testAccess(register: TestRegister = new Map()): SubgraphAccessOptions {
  return {
    signingKeys: [{ id: 'service-tests', secret: 'service-tests-do-not-sign-requests-0000' }],
    verifyToken: async () => {
      throw new Error('service tests pass the caller directly');
    },
    subjectDirectory: testSubjectDirectory(register),
  };
}

/** Who an operation runs as: the caller (null: anonymous) and the purpose declared (null: none). */
export interface ExecuteAs {
  caller?: Caller | null;
  purpose?: string | null;
}

/** A request without a token and without a purpose. */
export const anonymous: ExecuteAs = { caller: null, purpose: null };

/** A caller with one role, and the first purpose that role may declare. */
export function callerAs(
  role: Role,
  extra: Partial<Caller> = {},
): { caller: Caller; purpose: string } {
  return {
    caller: { sub: `test-${role.toLowerCase()}`, roles: [role], ...extra },
    purpose: ROLE_POLICY[role].purposes[0]!,
  };
}

/** A caller with one role declaring the given purpose (null: none) instead of the role's first. */
export function callerWithPurpose(
  role: Role,
  purpose: string | null,
  extra: Partial<Caller> = {},
): { caller: Caller; purpose: string | null } {
  return { ...callerAs(role, extra), purpose };
}

/** The officer role that writes a subgraph's data: the default caller of its service tests. */
export function officerOf(service: string): Role {
  const entry = Object.entries(ROLE_POLICY).find(([, policy]) => policy.writes === service);
  if (!entry) throw new Error(`no officer role writes ${service}`);
  return entry[0] as Role;
}

/**
 * Runs one operation through the server's Apollo Server, as an HTTP request would, with the access
 * rules applied. The caller defaults to an officer of the server's own agency with that role's
 * first purpose; pass `caller: null` for an anonymous request.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function execute<TData = Record<string, any>, L = unknown, M = unknown>(
  server: SubgraphServer<L, M>,
  query: string,
  variables: Record<string, unknown> = {},
  options: ExecuteAs & { headers?: Record<string, string> } = {},
): Promise<ExecuteResult<TData>> {
  const fallback = callerAs(officerOf(server.name));
  const caller = options.caller === undefined ? fallback.caller : options.caller;
  const purpose =
    options.purpose === undefined
      ? options.caller === undefined
        ? fallback.purpose
        : null
      : options.purpose;
  const headers = { ...(purpose ? { 'x-purpose': purpose } : {}), ...options.headers };
  const response = await server.apollo.executeOperation(
    { query, variables },
    { contextValue: server.createContext(headers, caller) },
  );
  if (response.body.kind !== 'single') throw new Error('incremental responses are not used in Jol');
  return response.body.singleResult as ExecuteResult<TData>;
}

/** Prepares a freshly opened test database the way main.ts prepares a real one. */
export async function prepareTestDatabase(connection: Connection): Promise<void> {
  await ensureIndexes(connection);
}

/** A subgraph server on its own test database, for the tests of one describe block. */
export interface TestSubgraph<S> {
  readonly server: S;
  readonly connection: Connection;
  /** The audit events written for the request with this `x-request-id`. */
  auditOf(requestId: string): Promise<Record<string, unknown>[]>;
}

/**
 * Opens a fresh database and a server on it before the enclosing block's tests (and before the
 * block's own `beforeAll` hooks, which may seed through it), then stops the server and drops the
 * database after them.
 */
export function useTestSubgraph<S extends { apollo: { stop(): Promise<void> } }>(
  agency: string,
  create: (options: {
    connection: Connection;
    log: Logger;
    access: SubgraphAccessOptions;
  }) => Promise<S>,
  /** The person register the subgraph's writes are scoped by. @default every PIN, no facts */
  register: TestRegister = new Map(),
): TestSubgraph<S> {
  let opened: { connection: Connection; server: S } | undefined;
  const current = () => {
    if (!opened) throw new Error(`the ${agency} test subgraph is used outside its describe block`);
    return opened;
  };
  beforeAll(async () => {
    const connection = await openTestDatabase(agency);
    const server = await create({
      connection,
      log: quietLogger(),
      access: testAccess(register),
    });
    await prepareTestDatabase(connection);
    opened = { connection, server };
  });
  afterAll(async () => {
    const { connection, server } = current();
    opened = undefined;
    await server.apollo.stop();
    await dropTestDatabase(connection);
  });
  return {
    get server() {
      return current().server;
    },
    get connection() {
      return current().connection;
    },
    auditOf: (requestId) =>
      current().connection.collection('audit_events').find({ requestId }).toArray(),
  };
}

/** The codes an access rule refuses with. */
export type RefusalCode = 'FORBIDDEN' | 'UNAUTHENTICATED';

/** Who is refused, the code they get, and who they are. */
export type RefusalCase = [who: string, code: RefusalCode, as: ExecuteAs];

/** An `_entities` read of one field for one representation, as the gateway sends it. */
export interface EntityFieldRead {
  /** An `_entities` query selecting the field on the entity. */
  query: string;
  /** The one representation sent. */
  representation: Record<string, unknown>;
  /** The field under test: refused, it answers null at `['_entities', 0, field]`. */
  field: string;
  /** The other fields the query selects on the entity, as they answer. @default {} */
  alongside?: Record<string, unknown>;
}

/** `a health officer` for `HEALTH_OFFICER`. */
function describeRole(role: Role): string {
  const words = role.toLowerCase().replace(/_/g, ' ');
  return /^[aeiou]/.test(words) ? `an ${words}` : `a ${words}`;
}

/**
 * The callers every classified Person field refuses whatever its agency: an analyst, a partner
 * institution, the data subject of another PIN, the field's own officer of another region or
 * declaring a purpose not theirs, and an anonymous caller. Each test adds the field's own.
 */
export function outsidersOf(
  officer: Role,
  options: { otherPin: string; otherRegion: string; foreignPurpose: string; partner?: string },
): RefusalCase[] {
  const { otherPin, otherRegion, foreignPurpose, partner } = options;
  return [
    ['an analyst', 'FORBIDDEN', callerAs('ANALYST')],
    ['a partner institution', 'FORBIDDEN', callerAs('PARTNER', partner ? { partner } : {})],
    ['the data subject of another PIN', 'FORBIDDEN', callerAs('DATA_SUBJECT', { pin: otherPin })],
    [
      `${describeRole(officer)} of another region`,
      'FORBIDDEN',
      callerAs(officer, { region: otherRegion }),
    ],
    [
      `${describeRole(officer)} declaring a purpose not theirs`,
      'FORBIDDEN',
      callerWithPurpose(officer, foreignPurpose),
    ],
    ['an anonymous caller', 'UNAUTHENTICATED', anonymous],
  ];
}

/** The officers of every agency but the given officer's, refused whatever they ask of it. */
export function officersOtherThan(officer: Role): RefusalCase[] {
  return (Object.keys(ROLE_POLICY) as Role[])
    .filter((role) => role !== officer && ROLE_POLICY[role].writes !== null)
    .map((role) => [describeRole(role), 'FORBIDDEN', callerAs(role)]);
}

/**
 * One test per case proving that `_entities` is no side door: the caller gets the field null and
 * exactly one error, with the case's code, at the field's path.
 */
export function itRefusesEntityField<L, M>(
  subgraph: TestSubgraph<SubgraphServer<L, M>>,
  read: EntityFieldRead,
  cases: RefusalCase[],
): void {
  const { query, representation, field, alongside = {} } = read;
  it.each(cases)(`_entities refuses ${field} to %s with %s`, async (_who, code, as) => {
    const result = await execute(subgraph.server, query, { reps: [representation] }, as);
    expect(result.data?._entities).toEqual([{ ...alongside, [field]: null }]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(result.errors?.[0]?.path).toEqual(['_entities', 0, field]);
  });
}

/** One test per case proving that `_entities` gives the caller the field, with this value. */
export function itGivesEntityField<L, M>(
  subgraph: TestSubgraph<SubgraphServer<L, M>>,
  read: EntityFieldRead,
  value: unknown,
  cases: [who: string, as: ExecuteAs][],
): void {
  const { query, representation, field, alongside = {} } = read;
  it.each(cases)(`_entities gives ${field} to %s`, async (_who, as) => {
    const result = await execute(subgraph.server, query, { reps: [representation] }, as);
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([{ ...alongside, [field]: value }]);
  });
}

/** A mutation under test, and what it must leave unchanged when refused. */
export interface RefusedWrite {
  /** The mutation field, for the test titles. */
  name: string;
  mutation: string;
  /** The variables, or a function computing them when each test runs. */
  variables: Record<string, unknown> | (() => Promise<Record<string, unknown>>);
  /** A snapshot of what the mutation would write to: equal before and after a refusal. */
  state: () => Promise<unknown>;
}

/** One test per case proving that the caller is refused the mutation and nothing is written. */
export function itRefusesWrite<L, M>(
  subgraph: TestSubgraph<SubgraphServer<L, M>>,
  write: RefusedWrite,
  cases: RefusalCase[],
): void {
  it.each(cases)(`refuses ${write.name} to %s with %s, writing nothing`, async (_who, code, as) => {
    const variables =
      typeof write.variables === 'function' ? await write.variables() : write.variables;
    const before = await write.state();
    const result = await execute(subgraph.server, write.mutation, variables, as);
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(result.data ?? null).toBeNull();
    expect(await write.state()).toEqual(before);
  });
}

/**
 * One test proving that an officer scoped to the home region of `read.representation` is refused
 * the field when the representation carries no home region: the rule cannot tell where they are.
 */
export function itRefusesWithoutHomeRegion<L, M>(
  subgraph: TestSubgraph<SubgraphServer<L, M>>,
  read: EntityFieldRead,
  officer: Role,
): void {
  const { homeRegion, ...withoutRegion } = read.representation;
  if (typeof homeRegion !== 'string') throw new Error('read.representation carries no homeRegion');
  itRefusesEntityField(subgraph, { ...read, representation: withoutRegion }, [
    [
      `${describeRole(officer)} of the home region when the representation carries none`,
      'FORBIDDEN',
      callerAs(officer, { region: homeRegion }),
    ],
  ]);
}

/** Runs an operation under the request id given and returns its result and the audit it wrote. */
export async function executeAudited<L, M>(
  subgraph: TestSubgraph<SubgraphServer<L, M>>,
  requestId: string,
  query: string,
  variables: Record<string, unknown>,
  as: ExecuteAs = {},
): Promise<{ result: ExecuteResult; events: Record<string, unknown>[] }> {
  const result = await execute(subgraph.server, query, variables, {
    ...as,
    headers: { 'x-request-id': requestId },
  });
  return { result, events: await subgraph.auditOf(requestId) };
}
