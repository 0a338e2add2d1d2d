import type { JolContext } from '@jol/kernel';
import type { createPersonByPinLoader } from './person.loader';
import { toPerson } from './person.mapper';
import type { Person } from './person.type';

/**
 * Resolves `Person` representations from other subgraphs through the per-request loader. For a
 * region-scoped caller an unknown PIN resolves to a person with no home region, whose every field
 * the rules refuse as they refuse a person of another region: the same answer, so that `_entities`
 * does not tell them which PINs exist.
 */
export const personReference = {
  Person: {
    async __resolveReference(
      reference: { pin: string },
      context: JolContext<{ personByPin: ReturnType<typeof createPersonByPinLoader> }>,
    ): Promise<Person | { pin: string } | null> {
      const record = await context.loaders.personByPin.load(reference.pin);
      if (record) return toPerson(record);
      return context.caller?.region ? { pin: reference.pin } : null;
    },
  },
};
