import type { Person } from './person.type';

/**
 * Resolves `Person` representations without a read: the Social Fund does not own identity, so
 * any PIN resolves and its fields are read through the per-request loaders. The home region the
 * gateway sends is kept: the read rules judge a region-scoped caller by it.
 */
export const personReference = {
  Person: {
    __resolveReference({ pin, homeRegion }: { pin: string; homeRegion?: string | null }): Person {
      return { pin, homeRegion };
    },
  },
};
