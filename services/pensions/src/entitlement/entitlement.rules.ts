import { allow, readRule, type AccessRules } from '@jol/kernel';

export const entitlementRules: AccessRules = {
  Person: { pensionEntitlement: readRule('Person.pensionEntitlement') },
  PensionEntitlement: allow,
  PensionEntitlementPeriod: allow,
};
