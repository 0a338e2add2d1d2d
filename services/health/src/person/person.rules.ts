import { allow, type AccessRules } from '@jol/schema';

/**
 * The key only repeats the PIN the representation carried. `homeRegion` has no rule: it is
 * migration's field, only ever received in a representation, so asking this subgraph for it is
 * refused.
 */
export const personRules: AccessRules = {
  Person: { pin: allow },
};
