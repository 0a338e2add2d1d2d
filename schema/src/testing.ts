import { randomUUID } from 'node:crypto';
import type { GraphQLFormattedError } from 'graphql';
import type { Connection } from 'mongoose';
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

/** Runs one operation through the server's Apollo Server, as an HTTP request would. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function execute<TData = Record<string, any>, L = unknown, M = unknown>(
  server: SubgraphServer<L, M>,
  query: string,
  variables: Record<string, unknown> = {},
  options: { caller?: Caller | null; headers?: Record<string, string> } = {},
): Promise<ExecuteResult<TData>> {
  const response = await server.apollo.executeOperation(
    { query, variables },
    { contextValue: server.createContext(options.headers ?? {}, options.caller ?? null) },
  );
  if (response.body.kind !== 'single') throw new Error('incremental responses are not used in Jol');
  return response.body.singleResult as ExecuteResult<TData>;
}

/** Prepares a freshly opened test database the way main.ts prepares a real one. */
export async function prepareTestDatabase(connection: Connection): Promise<void> {
  await ensureIndexes(connection);
}
