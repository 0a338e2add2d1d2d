import { defineSubgraph } from '@jol/kernel';
import { accessLogEntity } from './access-log/access-log.entity';
import { dependantEntity } from './dependant/dependant.entity';
import { entryBanEntity } from './entry-ban/entry-ban.entity';
import { episodeEntity } from './episode/episode.entity';
import { indicatorsEntity } from './indicators/indicators.entity';
import { personEntity } from './person/person.entity';
import { registeredSubjectEntity } from './registered-subject/registered-subject.entity';

/**
 * The migration subgraph, entity by entity: its schema, rules, models and loaders are gathered
 * from this list (with the kernel's audit, record versions and change events).
 */
export const migrationSubgraph = defineSubgraph({
  name: 'migration',
  changeEvents: true,
  entities: [
    personEntity,
    episodeEntity,
    entryBanEntity,
    dependantEntity,
    accessLogEntity,
    indicatorsEntity,
    registeredSubjectEntity,
  ],
});

/** The migration subgraph's schema, without any permissions applied. */
export function createMigrationSchema() {
  return migrationSubgraph.createSchema();
}
