import { accessLogRules } from './access-log/access-log.rules';
import { contributionRules } from './contribution/contribution.rules';
import { insurancePeriodRules } from './insurance-period/insurance-period.rules';
import { personRules } from './person/person.rules';
import { serviceSummaryRules } from './service-summary/service-summary.rules';

/** Every entity's rules; anything they do not name is denied. */
export const pensionsRules = [
  personRules,
  insurancePeriodRules,
  contributionRules,
  serviceSummaryRules,
  accessLogRules,
];
