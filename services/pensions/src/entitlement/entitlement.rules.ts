import { allow, readRule, type AccessRules } from '@jol/schema';

export const entitlementRules: AccessRules = {
  Person: { pensionEntitlement: readRule('Person.pensionEntitlement') },
  PensionEntitlement: allow,
  PensionEntitlementPeriod: allow,
};
