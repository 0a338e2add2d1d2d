import { accessLogValueTypeRules, allow, readRule, type AccessRules } from '@jol/kernel';

export const accessLogRules: AccessRules = {
  Person: { accessLog: readRule('Person.accessLog') },
  PersonAccessLog: { pin: allow, migration: readRule('PersonAccessLog.migration') },
  ...accessLogValueTypeRules,
};
