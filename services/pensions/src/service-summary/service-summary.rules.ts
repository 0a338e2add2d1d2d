import { allow, readRule, type AccessRules } from '@jol/kernel';

export const serviceSummaryRules: AccessRules = {
  Person: { serviceSummary: readRule('Person.serviceSummary') },
  InsuranceServiceSummary: allow,
  ServiceLength: allow,
};
