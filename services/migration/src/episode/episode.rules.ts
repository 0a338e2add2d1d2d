import { allow, readRule, revisionWriteRule, writeRule, type AccessRules } from '@jol/kernel';
import type { MigrationContext } from '../context';

const episodeRevision = revisionWriteRule(
  'migration',
  (ctx: MigrationContext) => ctx.models.Episode,
);

export const episodeRules: AccessRules = {
  Person: { episodes: readRule('Person.episodes') },
  MigrationEpisode: allow,
  Mutation: {
    registerDeparture: writeRule('migration'),
    registerReturn: writeRule('migration'),
    correctMigrationEpisode: episodeRevision,
    voidMigrationEpisode: episodeRevision,
  },
};
