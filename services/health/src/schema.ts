import {
  accessLogReference,
  buildJolSubgraphSchema,
  createChangeEventResolvers,
  indicatorsReference,
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
import { HealthIndicatorsResolver } from './indicators/indicators.resolver';
import { Indicators } from './indicators/indicators.type';
import { personReference } from './person/person.reference';
import { Person } from './person/person.type';
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
      HealthIndicatorsResolver,
    ],
    // No query returns these here: they reach the schema only as orphans, for _entities.
    orphanedTypes: [Person, PersonAccessLog, Indicators],
    referenceResolvers: { ...personReference, ...accessLogReference, ...indicatorsReference },
  });
}
