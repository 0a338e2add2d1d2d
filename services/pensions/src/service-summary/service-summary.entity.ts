import { defineEntity } from '@jol/kernel';
import { PersonServiceSummaryResolver } from './service-summary.resolver';
import { serviceSummaryRules } from './service-summary.rules';

/** The service summary, computed from the periods and contributions. */
export const serviceSummaryEntity = defineEntity({
  resolvers: [PersonServiceSummaryResolver],
  rules: [serviceSummaryRules],
});
