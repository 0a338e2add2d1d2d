import { defineEntity } from '@jol/kernel';
import { PersonPensionEntitlementResolver } from './entitlement.resolver';
import { entitlementRules } from './entitlement.rules';

/** The pension entitlement, computed from the person's record. */
export const entitlementEntity = defineEntity({
  resolvers: [PersonPensionEntitlementResolver],
  rules: [entitlementRules],
});
