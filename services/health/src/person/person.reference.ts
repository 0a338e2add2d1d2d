import type { Person } from './person.type';

/**
 * Resolves `Person` representations to the key and the home region the gateway sent: health does
 * not own identity, so any PIN is a person whose health fields are looked up (and come back empty
 * when nothing is recorded). The home region is kept for the access rules.
 */
export const personReference = {
  Person: {
    __resolveReference(reference: { pin: string; homeRegion?: string | null }): Person {
      return { pin: reference.pin, homeRegion: reference.homeRegion };
    },
  },
};
