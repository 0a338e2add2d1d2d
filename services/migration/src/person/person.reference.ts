import type { MigrationContext } from '../context';
import { toPerson } from './person.mapper';

/** Resolves `Person` representations from other subgraphs through the per-request loader. */
export const personReference = {
  Person: {
    async __resolveReference(reference: { pin: string }, context: MigrationContext) {
      const record = await context.loaders.personByPin.load(reference.pin);
      return record ? toPerson(record) : null;
    },
  },
};
