import { createRecordVersionsLoader, defineEntity, type RecordVersionModel } from '@jol/kernel';
import { createEpisodesByPinLoader } from './episode.loader';
import { createEpisodeModel, type EpisodeModel } from './episode.model';
import { EpisodeResolver, PersonEpisodesResolver } from './episode.resolver';
import { episodeRules } from './episode.rules';

/** Stays abroad: departures, destinations and returns, correctable with their versions. */
export const episodeEntity = defineEntity({
  resolvers: [PersonEpisodesResolver, EpisodeResolver],
  rules: [episodeRules],
  models: (connection) => ({ Episode: createEpisodeModel(connection) }),
  loaders: (models: { Episode: EpisodeModel; RecordVersion: RecordVersionModel }) => ({
    episodesByPin: createEpisodesByPinLoader(models.Episode),
    episodeVersions: createRecordVersionsLoader(models.RecordVersion, 'MigrationEpisode'),
  }),
});
