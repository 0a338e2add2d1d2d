import { randomUUID } from 'node:crypto';
import type { GraphQLFormattedError } from 'graphql';
import type { Connection } from 'mongoose';
import { ROLE_POLICY, type Role } from '@jol/schema';
import {
  connectStore,
  createLogger,
  ensureIndexes,
  subjectDirectoryUnavailable,
  type Caller,
  type Logger,
  type PersonRegisterFactory,
  type SubgraphAccessOptions,
  type SubgraphServer,
  type SubjectAnswer,
  type SubjectDirectoryFactory,
} from '@jol/kernel';

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

/**
 * The countries of stays abroad the test register knows, PIN -> countries. A PIN it does not list
 * stayed in every partner institution's country (TEST_STAY_COUNTRIES), so that a test opens cases
 * without setting ties up; a test of ties lists the person here.
 */
export type TestStays = Map<string, readonly string[]>;

export const TEST_STAY_COUNTRIES: readonly string[] = ['KZ', 'RU', 'TR'];

/**
 * The person register (service identity) over the same test register: a PIN it does not list is
 * registered with no known birth date; an answer of `unknown` or `unreachable` is kept, and a
 * person refused to the caller is still registered (the service identity reads every PIN).
 */
export function testPersonRegister(
  register: TestRegister = new Map(),
  stays: TestStays = new Map(),
): PersonRegisterFactory {
  return () => ({
    find: async (pin) => {
      const answer = register.get(pin);
      if (answer === 'unreachable') throw subjectDirectoryUnavailable();
      if (answer?.kind === 'unknown') return { kind: 'unknown' };
      return {
        kind: 'registered',
        birthDate: answer?.kind === 'known' ? answer.facts.birthDate : null,
        stayCountries: stays.get(pin) ?? TEST_STAY_COUNTRIES,
      };
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
export function testAccess(
  register: TestRegister = new Map(),
  stays: TestStays = new Map(),
): SubgraphAccessOptions {
  return {
    signingKeys: [{ id: 'service-tests', secret: 'service-tests-do-not-sign-requests-0000' }],
    verifyToken: async () => {
      throw new Error('service tests pass the caller directly');
    },
    subjectDirectory: testSubjectDirectory(register),
    personRegister: testPersonRegister(register, stays),
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

/** Builds a fresh test database's indexes, as startSubgraph does before a subgraph listens. */
export async function prepareTestDatabase(connection: Connection): Promise<void> {
  await ensureIndexes(connection);
}

/** A subgraph server on its own test database, for the tests of one describe block. */
export interface TestSubgraph<S> {
  /** The agency the subgraph serves. */
  readonly agency: string;
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
    agency,
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
