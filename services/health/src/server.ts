import type { Connection } from 'mongoose';
import { createSubgraphServer, type Logger } from '@jol/schema';
import { createHealthLoaders, createHealthModels } from './context';
import { createHealthSchema } from './schema';

export const SERVICE_NAME = 'health';
export const DEFAULT_PORT = 4003;

export interface HealthServerOptions {
  connection: Connection;
  log: Logger;
}

/** The Ministry of Health subgraph, ready to listen. */
export async function createHealthServer({ connection, log }: HealthServerOptions) {
  return createSubgraphServer({
    name: SERVICE_NAME,
    schema: await createHealthSchema(),
    connection,
    models: createHealthModels(connection),
    createLoaders: createHealthLoaders,
    log,
  });
}
