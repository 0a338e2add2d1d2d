import type { Person } from './person.type';

/**
 * Resolves `Person` representations: the ministry does not own identity, so any PIN is accepted
 * and its fields are read through the per-request loaders when selected.
 */
export const personReference = {
  Person: {
    __resolveReference(reference: { pin: string }): Person {
      return { pin: reference.pin };
    },
  },
};
