import type { Person } from './person.type';

/**
 * Resolves `Person` representations without a read: the Social Fund does not own identity, so
 * any PIN resolves and its fields are read through the per-request loaders. The home region the
 * gateway sends is kept: the read rules judge a region-scoped caller by it; so are the birth date
 * and sex it sends for the pension entitlement.
 */
export const personReference = {
  Person: {
    __resolveReference({
      pin,
      homeRegion,
      birthDate,
      sex,
    }: Pick<Person, 'pin' | 'homeRegion' | 'birthDate' | 'sex'>): Person {
      return { pin, homeRegion, birthDate, sex };
    },
  },
};
