import type { Connection } from 'mongoose';
import { createSubgraphServer, type Logger, type SubgraphAccessOptions } from '@jol/kernel';
import { healthSubgraph } from './schema';

export const SERVICE_NAME = 'health';
export const DEFAULT_PORT = 4003;

export interface HealthServerOptions {
  connection: Connection;
  log: Logger;
  access: SubgraphAccessOptions;
}

/** The Ministry of Health subgraph, ready to listen. */
export async function createHealthServer({ connection, log, access }: HealthServerOptions) {
  return createSubgraphServer({
    name: SERVICE_NAME,
    schema: await healthSubgraph.createSchema(),
    rules: healthSubgraph.rules,
    masks: healthSubgraph.masks,
    connection,
    models: healthSubgraph.createModels(connection),
    createLoaders: healthSubgraph.createLoaders,
    log,
    access,
    changeEvents: healthSubgraph.changeEvents,
  });
}
