import type { Connection } from 'mongoose';
import { createSubgraphServer, type Logger } from '@jol/schema';
import { createPensionsLoaders, createPensionsModels } from './context';
import { createPensionsSchema } from './schema';

export const SERVICE_NAME = 'pensions';
export const DEFAULT_PORT = 4004;

export interface PensionsServerOptions {
  connection: Connection;
  log: Logger;
}

/** The Social Fund subgraph, ready to listen. */
export async function createPensionsServer({ connection, log }: PensionsServerOptions) {
  return createSubgraphServer({
    name: SERVICE_NAME,
    schema: await createPensionsSchema(),
    connection,
    models: createPensionsModels(connection),
    createLoaders: createPensionsLoaders,
    log,
  });
}
