import { defineSubgraph } from '@jol/kernel';
import { accessLogEntity } from './access-log/access-log.entity';
import { contributionEntity } from './contribution/contribution.entity';
import { decisionEntity } from './decision/decision.entity';
import { entitlementEntity } from './entitlement/entitlement.entity';
import { exchangeCaseEntity } from './exchange-case/exchange-case.entity';
import { exchangeDocumentEntity } from './exchange-document/exchange-document.entity';
import { exchangeInboxEntity } from './exchange-inbox/exchange-inbox.entity';
import { indicatorsEntity } from './indicators/indicators.entity';
import { insurancePeriodEntity } from './insurance-period/insurance-period.entity';
import { partnerEntity } from './partner/partner.entity';
import { personEntity } from './person/person.type';
import { serviceSummaryEntity } from './service-summary/service-summary.entity';

/**
 * The pensions subgraph, entity by entity: its schema, rules, models and loaders are gathered
 * from this list (with the kernel's audit, record versions and change events).
 */
export const pensionsSubgraph = defineSubgraph({
  name: 'pensions',
  changeEvents: true,
  entities: [
    personEntity,
    exchangeInboxEntity,
    insurancePeriodEntity,
    contributionEntity,
    serviceSummaryEntity,
    accessLogEntity,
    indicatorsEntity,
    partnerEntity,
    exchangeCaseEntity,
    exchangeDocumentEntity,
    decisionEntity,
    entitlementEntity,
  ],
});

/** The pensions subgraph's schema, without any permissions applied. */
export function createPensionsSchema() {
  return pensionsSubgraph.createSchema();
}
