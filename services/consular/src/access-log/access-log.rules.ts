import { accessLogValueTypeRules, allow, readRule, type AccessRules } from '@jol/kernel';

export const accessLogRules: AccessRules = {
  PersonAccessLog: { pin: allow, consular: readRule('PersonAccessLog.consular') },
  ...accessLogValueTypeRules,
};
