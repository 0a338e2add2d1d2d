import { defineSubgraph } from '@jol/kernel';
import { accessLogEntity } from './access-log/access-log.entity';
import { assistanceCaseEntity } from './assistance-case/assistance-case.entity';
import { indicatorsEntity } from './indicators/indicators.entity';
import { personEntity } from './person/person.type';
import { registrationEntity } from './registration/registration.entity';

/**
 * The consular subgraph, entity by entity: its schema, rules, models and loaders are gathered from
 * this list. Reads enter through the migration subgraph's person(pin) and Person.accessLog.
 */
export const consularSubgraph = defineSubgraph({
  name: 'consular',
  entities: [
    personEntity,
    registrationEntity,
    assistanceCaseEntity,
    accessLogEntity,
    indicatorsEntity,
  ],
});

/** The consular subgraph's schema, without any permissions applied. */
export function createConsularSchema() {
  return consularSubgraph.createSchema();
}
