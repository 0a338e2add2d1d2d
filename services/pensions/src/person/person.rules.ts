import { allow, type AccessRules } from '@jol/schema';

/**
 * The key is allowed: this subgraph has no query that returns a Person, so `pin` only echoes the
 * PIN the caller sent in the representation, and refusing it (it is non-null) would null the
 * whole entity instead of the one pensions field the caller may not read. `homeRegion` has no
 * rule: it is migration's field, only ever received in a representation, so asking this subgraph
 * for it is refused.
 */
export const personRules: AccessRules = {
  Person: { pin: allow },
};
