import {
  accessLogReference,
  buildJolSubgraphSchema,
  createChangeEventResolvers,
  PersonAccessLog,
} from '@jol/schema';
import { HealthAccessLogResolver } from './access-log/access-log.resolver';
import { HealthConsentResolver, PersonHealthConsentsResolver } from './consent/consent.resolver';
import type { HealthContext } from './context';
import { PersonFitnessResolver } from './fitness/fitness.resolver';
import {
  HealthInsuranceResolver,
  PersonHealthInsuranceResolver,
} from './insurance/insurance.resolver';
import { indicatorsEntity } from './indicators/indicators.entity';
import { personEntity } from './person/person.type';
import { HealthScreeningResolver, PersonScreeningsResolver } from './screening/screening.resolver';
import { PersonTbCasesResolver, TbCaseResolver } from './tb-case/tb-case.resolver';

/** The health subgraph's schema, without any permissions applied. */
export function createHealthSchema() {
  return buildJolSubgraphSchema<HealthContext>({
    resolvers: [
      ...createChangeEventResolvers('health').resolvers,
      PersonScreeningsResolver,
      HealthScreeningResolver,
      PersonTbCasesResolver,
      TbCaseResolver,
      PersonHealthInsuranceResolver,
      HealthInsuranceResolver,
      PersonHealthConsentsResolver,
      HealthConsentResolver,
      PersonFitnessResolver,
      HealthAccessLogResolver,
      ...indicatorsEntity.resolvers,
    ],
    // No query returns these here: they reach the schema only as orphans, for _entities.
    orphanedTypes: [...personEntity.types, PersonAccessLog, ...indicatorsEntity.types],
    referenceResolvers: {
      ...personEntity.referenceResolvers,
      ...accessLogReference,
      ...indicatorsEntity.referenceResolvers,
    },
  });
}
