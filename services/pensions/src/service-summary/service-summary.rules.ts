import { allow, readRule, type AccessRules } from '@jol/schema';

export const serviceSummaryRules: AccessRules = {
  Person: { serviceSummary: readRule('Person.serviceSummary') },
  InsuranceServiceSummary: allow,
  ServiceLength: allow,
};
