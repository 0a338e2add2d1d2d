import type { Person } from './person.type';

/**
 * Resolves `Person` representations: the ministry does not own identity, so any PIN is accepted
 * and its fields are read through the per-request loaders when selected. The home region the
 * gateway sends is kept: the access rules judge region scope by it.
 */
export const personReference = {
  Person: {
    __resolveReference(reference: { pin: string; homeRegion?: string | null }): Person {
      return { pin: reference.pin, homeRegion: reference.homeRegion };
    },
  },
};
