import { allow, readRule, writeRule, type AccessRules } from '@jol/kernel';

export const insuranceRules: AccessRules = {
  Person: { healthInsurance: readRule('Person.healthInsurance') },
  HealthInsurance: allow,
  Mutation: { setHealthInsurance: writeRule('health') },
};
