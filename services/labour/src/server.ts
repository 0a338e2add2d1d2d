import type { Connection } from 'mongoose';
import { createSubgraphServer, type Logger, type SubgraphAccessOptions } from '@jol/kernel';
import { labourSubgraph } from './schema';

export const SERVICE_NAME = 'labour';
export const DEFAULT_PORT = 4002;

export interface LabourServerOptions {
  connection: Connection;
  log: Logger;
  access: SubgraphAccessOptions;
}

/** The Ministry of Labour, Social Security and Migration subgraph, ready to listen. */
export async function createLabourServer({ connection, log, access }: LabourServerOptions) {
  return createSubgraphServer({
    name: SERVICE_NAME,
    schema: await labourSubgraph.createSchema(),
    rules: labourSubgraph.rules,
    masks: labourSubgraph.masks,
    connection,
    models: labourSubgraph.createModels(connection),
    createLoaders: labourSubgraph.createLoaders,
    log,
    access,
  });
}
