import type { Connection } from 'mongoose';
import { createSubgraphServer, type Logger } from '@jol/schema';
import { createLabourLoaders, createLabourModels } from './context';
import { createLabourSchema } from './schema';

export const SERVICE_NAME = 'labour';
export const DEFAULT_PORT = 4002;

export interface LabourServerOptions {
  connection: Connection;
  log: Logger;
}

/** The Ministry of Labour, Social Security and Migration subgraph, ready to listen. */
export async function createLabourServer({ connection, log }: LabourServerOptions) {
  return createSubgraphServer({
    name: SERVICE_NAME,
    schema: await createLabourSchema(),
    connection,
    models: createLabourModels(connection),
    createLoaders: createLabourLoaders,
    log,
  });
}
