import type { Connection } from 'mongoose';
import {
  createSubgraphServer,
  storePersonRegister,
  storeSubjectDirectory,
  type Logger,
  type SubgraphAccessOptions,
} from '@jol/kernel';
import type { MigrationLoaders } from './context';
import { stayCountriesOf } from './episode/episode.model';
import { migrationSubgraph } from './schema';

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
    schema: await migrationSubgraph.createSchema(),
    rules: migrationSubgraph.rules,
    masks: migrationSubgraph.masks,
    connection,
    models: migrationSubgraph.createModels(connection),
    createLoaders: migrationSubgraph.createLoaders,
    log,
    // The register is this service's own store: its writes ask it, not the gateway.
    access: {
      ...access,
      subjectDirectory: ({ loaders }) =>
        storeSubjectDirectory((pin) => (loaders as MigrationLoaders).personByPin.load(pin)),
      personRegister: ({ loaders }) =>
        storePersonRegister(
          (pin) => (loaders as MigrationLoaders).personByPin.load(pin),
          async (pin) =>
            stayCountriesOf(await (loaders as MigrationLoaders).episodesByPin.load(pin)),
        ),
    },
    changeEvents: migrationSubgraph.changeEvents,
  });
}
