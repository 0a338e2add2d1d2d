import { changeEventRules, supersessionRules } from '@jol/schema';
import { accessLogRules } from './access-log/access-log.rules';
import { contributionRules } from './contribution/contribution.rules';
import { decisionRules } from './decision/decision.rules';
import { entitlementRules } from './entitlement/entitlement.rules';
import { indicatorsEntity } from './indicators/indicators.entity';
import { exchangeCaseRules } from './exchange-case/exchange-case.rules';
import { exchangeDocumentRules } from './exchange-document/exchange-document.rules';
import { exchangeInboxRules } from './exchange-inbox/exchange-inbox.rules';
import { insurancePeriodRules } from './insurance-period/insurance-period.rules';
import { partnerRules } from './partner/partner.rules';
import { personEntity } from './person/person.type';
import { serviceSummaryRules } from './service-summary/service-summary.rules';

/** Every entity's rules; anything they do not name is denied. */
export const pensionsRules = [
  ...personEntity.rules,
  supersessionRules,
  changeEventRules('pensions'),
  insurancePeriodRules,
  contributionRules,
  serviceSummaryRules,
  accessLogRules,
  ...indicatorsEntity.rules,
  partnerRules,
  exchangeCaseRules,
  exchangeDocumentRules,
  exchangeInboxRules,
  decisionRules,
  entitlementRules,
];
