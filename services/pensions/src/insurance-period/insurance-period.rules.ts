import { allow, readRule, writeRule, type AccessRules } from '@jol/schema';

export const insurancePeriodRules: AccessRules = {
  Person: { insurancePeriods: readRule('Person.insurancePeriods') },
  InsurancePeriod: allow,
  Mutation: { recordInsurancePeriod: writeRule('pensions') },
};
