import type { Connection } from 'mongoose';
import { createSubgraphServer, type Logger, type SubgraphAccessOptions } from '@jol/schema';
import { createPensionsLoaders, createPensionsModels } from './context';
import { pensionsRules } from './rules';
import { createPensionsSchema } from './schema';

export const SERVICE_NAME = 'pensions';
export const DEFAULT_PORT = 4004;

export interface PensionsServerOptions {
  connection: Connection;
  log: Logger;
  access: SubgraphAccessOptions;
}

/** The Social Fund subgraph, ready to listen. */
export async function createPensionsServer({ connection, log, access }: PensionsServerOptions) {
  return createSubgraphServer({
    name: SERVICE_NAME,
    schema: await createPensionsSchema(),
    rules: pensionsRules,
    connection,
    models: createPensionsModels(connection),
    createLoaders: createPensionsLoaders,
    log,
    access,
  });
}
