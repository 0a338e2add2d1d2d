import { accessLogValueTypeRules, allow, readRule, type AccessRules } from '@jol/schema';

export const accessLogRules: AccessRules = {
  Person: { accessLog: readRule('Person.accessLog') },
  PersonAccessLog: { pin: allow, migration: readRule('PersonAccessLog.migration') },
  ...accessLogValueTypeRules,
};
