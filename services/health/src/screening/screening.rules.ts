import { allow, readRule, writeRule, type AccessRules } from '@jol/schema';

export const screeningRules: AccessRules = {
  Person: { screenings: readRule('Person.screenings') },
  HealthScreening: allow,
  Mutation: { recordScreening: writeRule('health') },
};
