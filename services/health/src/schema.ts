import { defineSubgraph } from '@jol/kernel';
import { accessLogEntity } from './access-log/access-log.entity';
import { consentEntity } from './consent/consent.entity';
import { fitnessEntity } from './fitness/fitness.entity';
import { indicatorsEntity } from './indicators/indicators.entity';
import { insuranceEntity } from './insurance/insurance.entity';
import { personEntity } from './person/person.type';
import { screeningEntity } from './screening/screening.entity';
import { tbCaseEntity } from './tb-case/tb-case.entity';

/**
 * The health subgraph, entity by entity: its schema, rules, models and loaders are gathered from
 * this list (with the kernel's audit, record versions and change events).
 */
export const healthSubgraph = defineSubgraph({
  name: 'health',
  changeEvents: true,
  entities: [
    personEntity,
    screeningEntity,
    tbCaseEntity,
    insuranceEntity,
    consentEntity,
    fitnessEntity,
    accessLogEntity,
    indicatorsEntity,
  ],
});

/** The health subgraph's schema, without any permissions applied. */
export function createHealthSchema() {
  return healthSubgraph.createSchema();
}
