import type { Person } from './person.type';

/**
 * Resolves `Person` representations to the bare key: health does not own identity, so any PIN is
 * a person whose health fields are looked up (and come back empty when nothing is recorded).
 */
export const personReference = {
  Person: {
    __resolveReference(reference: { pin: string }): Person {
      return { pin: reference.pin };
    },
  },
};
