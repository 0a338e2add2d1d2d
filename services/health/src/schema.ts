import { buildJolSubgraphSchema } from '@jol/schema';
import type { HealthContext } from './context';
import {
  HealthInsuranceResolver,
  PersonHealthInsuranceResolver,
} from './insurance/insurance.resolver';
import { personReference } from './person/person.reference';
import { Person } from './person/person.type';
import { HealthScreeningResolver, PersonScreeningsResolver } from './screening/screening.resolver';
import { PersonTbCasesResolver, TbCaseResolver } from './tb-case/tb-case.resolver';

/** The health subgraph's schema, without any permissions applied. */
export function createHealthSchema() {
  return buildJolSubgraphSchema<HealthContext>({
    resolvers: [
      PersonScreeningsResolver,
      HealthScreeningResolver,
      PersonTbCasesResolver,
      TbCaseResolver,
      PersonHealthInsuranceResolver,
      HealthInsuranceResolver,
    ],
    // No query returns Person here: the stub reaches the schema only as an orphan, for _entities.
    orphanedTypes: [Person],
    referenceResolvers: personReference,
  });
}
