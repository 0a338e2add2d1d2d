import type { Connection } from 'mongoose';
import { createSubgraphServer, type Logger, type SubgraphAccessOptions } from '@jol/kernel';
import { consularSubgraph } from './schema';

export const SERVICE_NAME = 'consular';
export const DEFAULT_PORT = 4005;

export interface ConsularServerOptions {
  connection: Connection;
  log: Logger;
  access: SubgraphAccessOptions;
}

/** The consular service of the Ministry of Foreign Affairs, ready to listen. */
export async function createConsularServer({ connection, log, access }: ConsularServerOptions) {
  return createSubgraphServer({
    name: SERVICE_NAME,
    schema: await consularSubgraph.createSchema(),
    rules: consularSubgraph.rules,
    masks: consularSubgraph.masks,
    connection,
    models: consularSubgraph.createModels(connection),
    createLoaders: consularSubgraph.createLoaders,
    log,
    access,
    changeEvents: consularSubgraph.changeEvents,
  });
}
