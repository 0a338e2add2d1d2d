import type { Connection } from 'mongoose';
import { createSubgraphServer, type Logger, type SubgraphAccessOptions } from '@jol/schema';
import { createMigrationLoaders, createMigrationModels } from './context';
import { migrationMasks, migrationRules } from './rules';
import { createMigrationSchema } from './schema';

export const SERVICE_NAME = 'migration';
export const DEFAULT_PORT = 4001;

export interface MigrationServerOptions {
  connection: Connection;
  log: Logger;
  access: SubgraphAccessOptions;
}

/** The State Migration Service subgraph, ready to listen. */
export async function createMigrationServer({ connection, log, access }: MigrationServerOptions) {
  return createSubgraphServer({
    name: SERVICE_NAME,
    schema: await createMigrationSchema(),
    rules: migrationRules,
    masks: migrationMasks,
    connection,
    models: createMigrationModels(connection),
    createLoaders: createMigrationLoaders,
    log,
    access,
  });
}
