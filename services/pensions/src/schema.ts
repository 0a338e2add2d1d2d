import {
  accessLogReference,
  buildJolSubgraphSchema,
  createChangeEventResolvers,
  indicatorsReference,
  PersonAccessLog,
} from '@jol/schema';
import { PensionsAccessLogResolver } from './access-log/access-log.resolver';
import type { PensionsContext } from './context';
import {
  ContributionResolver,
  PersonContributionsResolver,
} from './contribution/contribution.resolver';
import {
  PensionDecisionResolver,
  PensionExchangeCaseDecisionsResolver,
  PensionExchangeDocumentDecisionResolver,
} from './decision/decision.resolver';
import { PersonPensionEntitlementResolver } from './entitlement/entitlement.resolver';
import { PensionExchangeCaseResolver } from './exchange-case/exchange-case.resolver';
import {
  PensionExchangeCaseDocumentsResolver,
  PensionExchangeDocumentResolver,
} from './exchange-document/exchange-document.resolver';
import { PensionExchangeInboxResolver } from './exchange-inbox/exchange-inbox.resolver';
import {
  InsurancePeriodResolver,
  PersonInsurancePeriodsResolver,
} from './insurance-period/insurance-period.resolver';
import { PensionPartnerResolver } from './partner/partner.resolver';
import { PensionsIndicatorsResolver } from './indicators/indicators.resolver';
import { Indicators } from './indicators/indicators.type';
import { personReference } from './person/person.reference';
import { Person } from './person/person.type';
import { PersonServiceSummaryResolver } from './service-summary/service-summary.resolver';

/** The pensions subgraph's schema, without any permissions applied. */
export function createPensionsSchema() {
  return buildJolSubgraphSchema<PensionsContext>({
    resolvers: [
      ...createChangeEventResolvers('pensions').resolvers,
      PensionExchangeInboxResolver,
      PersonInsurancePeriodsResolver,
      InsurancePeriodResolver,
      PersonContributionsResolver,
      ContributionResolver,
      PersonServiceSummaryResolver,
      PensionsAccessLogResolver,
      PensionsIndicatorsResolver,
      PensionPartnerResolver,
      PensionExchangeCaseResolver,
      PensionExchangeDocumentResolver,
      PensionExchangeCaseDocumentsResolver,
      PensionDecisionResolver,
      PensionExchangeCaseDecisionsResolver,
      PensionExchangeDocumentDecisionResolver,
      PersonPensionEntitlementResolver,
    ],
    // These entities are reached only through _entities here: no query of this subgraph returns them.
    orphanedTypes: [Person, PersonAccessLog, Indicators],
    referenceResolvers: { ...personReference, ...accessLogReference, ...indicatorsReference },
  });
}
