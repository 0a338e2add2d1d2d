import {
  accessLogReference,
  buildJolSubgraphSchema,
  createChangeEventResolvers,
} from '@jol/schema';
import {
  MigrationAccessLogResolver,
  PersonAccessLogResolver,
} from './access-log/access-log.resolver';
import type { MigrationContext } from './context';
import { DependantResolver, PersonDependantsResolver } from './dependant/dependant.resolver';
import { EntryBanResolver, PersonEntryBansResolver } from './entry-ban/entry-ban.resolver';
import { EpisodeResolver, PersonEpisodesResolver } from './episode/episode.resolver';
import { indicatorsEntity } from './indicators/indicators.entity';
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
      ...indicatorsEntity.resolvers,
      RegisteredSubjectResolver,
    ],
    referenceResolvers: {
      ...personReference,
      ...accessLogReference,
      ...indicatorsEntity.referenceResolvers,
    },
  });
}
