import {
  accessLogReference,
  buildJolSubgraphSchema,
  createChangeEventResolvers,
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
import { indicatorsEntity } from './indicators/indicators.entity';
import { personEntity } from './person/person.type';
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
      ...indicatorsEntity.resolvers,
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
    orphanedTypes: [...personEntity.types, PersonAccessLog, ...indicatorsEntity.types],
    referenceResolvers: {
      ...personEntity.referenceResolvers,
      ...accessLogReference,
      ...indicatorsEntity.referenceResolvers,
    },
  });
}
