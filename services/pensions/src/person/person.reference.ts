import type { Person } from './person.type';

/**
 * Resolves `Person` representations without a read: the Social Fund does not own identity, so
 * any PIN resolves and its fields are read through the per-request loaders.
 */
export const personReference = {
  Person: {
    __resolveReference(reference: { pin: string }): Person {
      return { pin: reference.pin };
    },
  },
};
