import { accessLogReference, buildJolSubgraphSchema, PersonAccessLog } from '@jol/schema';
import { PensionsAccessLogResolver } from './access-log/access-log.resolver';
import type { PensionsContext } from './context';
import {
  ContributionResolver,
  PersonContributionsResolver,
} from './contribution/contribution.resolver';
import {
  InsurancePeriodResolver,
  PersonInsurancePeriodsResolver,
} from './insurance-period/insurance-period.resolver';
import { personReference } from './person/person.reference';
import { Person } from './person/person.type';
import { PersonServiceSummaryResolver } from './service-summary/service-summary.resolver';

/** The pensions subgraph's schema, without any permissions applied. */
export function createPensionsSchema() {
  return buildJolSubgraphSchema<PensionsContext>({
    resolvers: [
      PersonInsurancePeriodsResolver,
      InsurancePeriodResolver,
      PersonContributionsResolver,
      ContributionResolver,
      PersonServiceSummaryResolver,
      PensionsAccessLogResolver,
    ],
    // Both entities are reached only through _entities here: no query of this subgraph returns them.
    orphanedTypes: [Person, PersonAccessLog],
    referenceResolvers: { ...personReference, ...accessLogReference },
  });
}
