import {
  accessLogReference,
  buildJolSubgraphSchema,
  createChangeEventResolvers,
  indicatorsReference,
} from '@jol/schema';
import {
  MigrationAccessLogResolver,
  PersonAccessLogResolver,
} from './access-log/access-log.resolver';
import type { MigrationContext } from './context';
import { DependantResolver, PersonDependantsResolver } from './dependant/dependant.resolver';
import { EntryBanResolver, PersonEntryBansResolver } from './entry-ban/entry-ban.resolver';
import { EpisodeResolver, PersonEpisodesResolver } from './episode/episode.resolver';
import { IndicatorsResolver, MigrationMeasuresResolver } from './indicators/indicators.resolver';
import { personReference } from './person/person.reference';
import { PersonResolver } from './person/person.resolver';
import { RegisteredSubjectResolver } from './registered-subject/registered-subject.resolver';

/** The migration subgraph's schema, without any permissions applied. */
export function createMigrationSchema() {
  return buildJolSubgraphSchema<MigrationContext>({
    resolvers: [
      ...createChangeEventResolvers('migration').resolvers,
      PersonResolver,
      PersonEpisodesResolver,
      EpisodeResolver,
      PersonEntryBansResolver,
      EntryBanResolver,
      PersonDependantsResolver,
      DependantResolver,
      PersonAccessLogResolver,
      MigrationAccessLogResolver,
      IndicatorsResolver,
      MigrationMeasuresResolver,
      RegisteredSubjectResolver,
    ],
    referenceResolvers: { ...personReference, ...accessLogReference, ...indicatorsReference },
  });
}
