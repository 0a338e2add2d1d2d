import type { Connection } from 'mongoose';
import {
  createAuditEventModel,
  createChangeEventModels,
  createRecordVersionModel,
  createRecordVersionsLoader,
  createIndicatorCubeLoader,
  createIndicatorCubeModels,
  type JolContext,
} from '@jol/schema';
import { createDependantModel } from './dependant/dependant.model';
import { createDependantsByPinLoader } from './dependant/dependant.loader';
import { createEntryBanModel } from './entry-ban/entry-ban.model';
import { createEntryBansByPinLoader } from './entry-ban/entry-ban.loader';
import { createEpisodeModel } from './episode/episode.model';
import { createEpisodesByPinLoader } from './episode/episode.loader';
import { createPersonModel } from './person/person.model';
import { createPersonByPinLoader } from './person/person.loader';

/** The migration service's models, bound to its own database. */
export function createMigrationModels(connection: Connection) {
  return {
    connection,
    Person: createPersonModel(connection),
    Episode: createEpisodeModel(connection),
    EntryBan: createEntryBanModel(connection),
    Dependant: createDependantModel(connection),
    AuditEvent: createAuditEventModel(connection),
    ...createChangeEventModels(connection),
    RecordVersion: createRecordVersionModel(connection),
    ...createIndicatorCubeModels(connection),
  };
}
export type MigrationModels = ReturnType<typeof createMigrationModels>;

/** One set per request: loaders cache for the request's lifetime only. */
export function createMigrationLoaders(models: MigrationModels) {
  return {
    personByPin: createPersonByPinLoader(models.Person),
    episodesByPin: createEpisodesByPinLoader(models.Episode),
    episodeVersions: createRecordVersionsLoader(models.RecordVersion, 'MigrationEpisode'),
    entryBansByPin: createEntryBansByPinLoader(models.EntryBan),
    dependantsByPin: createDependantsByPinLoader(models.Dependant),
    indicatorCube: createIndicatorCubeLoader(models),
  };
}
export type MigrationLoaders = ReturnType<typeof createMigrationLoaders>;

export type MigrationContext = JolContext<MigrationLoaders, MigrationModels>;
