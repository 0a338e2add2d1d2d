import { allow, readRule, type AccessRules } from '@jol/kernel';
import { heldRecordRules, openAtConsulateRule } from '../consulate/consulate.rules';

export const registrationRules: AccessRules = {
  Person: { consularRegistrations: readRule('Person.consularRegistrations') },
  ConsularRegistration: allow,
  Mutation: {
    registerConsularRegistration: openAtConsulateRule(),
    endConsularRegistration: heldRecordRules((context) => context.models.ConsularRegistration),
  },
};
