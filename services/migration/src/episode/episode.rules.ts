import { allow, readRule, writeRule, type AccessRules } from '@jol/schema';

export const episodeRules: AccessRules = {
  Person: { episodes: readRule('Person.episodes') },
  MigrationEpisode: allow,
  Mutation: { registerDeparture: writeRule('migration'), registerReturn: writeRule('migration') },
};
