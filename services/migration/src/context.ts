import type { JolContext } from '@jol/kernel';
import { migrationSubgraph } from './schema';

/** The migration service's models, bound to its own database. */
export const createMigrationModels = migrationSubgraph.createModels;
export type MigrationModels = ReturnType<typeof createMigrationModels>;

/** One set per request: loaders cache for the request's lifetime only. */
export const createMigrationLoaders = migrationSubgraph.createLoaders;
export type MigrationLoaders = ReturnType<typeof createMigrationLoaders>;

export type MigrationContext = JolContext<MigrationLoaders, MigrationModels>;
