import { randomUUID } from 'node:crypto';
import type { GraphQLFormattedError } from 'graphql';
import type { Connection } from 'mongoose';
import { ROLE_POLICY } from './access/policy';
import type { Role } from './access/roles';
import type { SubgraphAccessOptions } from './subgraph-server';
import type { Caller } from './context';
import { createLogger } from './logger';
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
 * Access options for service tests, which call Apollo Server directly (no HTTP, so no signature
 * and no token to verify; the caller is given to `execute`).
 */
export function testAccess(): SubgraphAccessOptions {
  return {
    signingSecret: 'service-tests-do-not-sign-requests-0000',
    verifyToken: async () => {
      throw new Error('service tests pass the caller directly');
    },
  };
}

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
  options: {
    caller?: Caller | null;
    purpose?: string | null;
    headers?: Record<string, string>;
  } = {},
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
