import type { Connection } from 'mongoose';
import { createSubgraphServer, type Logger } from '@jol/schema';
import { createMigrationLoaders, createMigrationModels } from './context';
import { createMigrationSchema } from './schema';

export const SERVICE_NAME = 'migration';
export const DEFAULT_PORT = 4001;

export interface MigrationServerOptions {
  connection: Connection;
  log: Logger;
}

/** The State Migration Service subgraph, ready to listen. */
export async function createMigrationServer({ connection, log }: MigrationServerOptions) {
  return createSubgraphServer({
    name: SERVICE_NAME,
    schema: await createMigrationSchema(),
    connection,
    models: createMigrationModels(connection),
    createLoaders: createMigrationLoaders,
    log,
  });
}
