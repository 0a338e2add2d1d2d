import { defineSubgraph } from '@jol/kernel';
import { accessLogEntity } from './access-log/access-log.entity';
import { employmentEntity } from './employment/employment.entity';
import { indicatorsEntity } from './indicators/indicators.entity';
import { personEntity } from './person/person.type';
import { reintegrationEntity } from './reintegration/reintegration.entity';
import { skillEntity } from './skill/skill.entity';

/**
 * The labour subgraph, entity by entity: its schema, rules, models and loaders are gathered from
 * this list. Reads enter through the migration subgraph's person(pin) and Person.accessLog, so no
 * root field reaches these entities here.
 */
export const labourSubgraph = defineSubgraph({
  name: 'labour',
  entities: [
    personEntity,
    employmentEntity,
    reintegrationEntity,
    skillEntity,
    accessLogEntity,
    indicatorsEntity,
  ],
});

/** The labour subgraph's schema, without any permissions applied. */
export function createLabourSchema() {
  return labourSubgraph.createSchema();
}
