import type { SubgraphProgram } from '@jol/kernel';
import { createMigrationModels } from './context';
import { backfillNameKeys } from './person/person.search';
import { createMigrationServer, DEFAULT_PORT, SERVICE_NAME } from './server';

/** How the migration subgraph starts, in its process (`main.ts`) and in the in-process system. */
export const migrationProgram: SubgraphProgram = {
  name: SERVICE_NAME,
  defaultPort: DEFAULT_PORT,
  createServer: createMigrationServer,
  // Migration keeps the person register and answers the subject directory from its own store.
  ownsPersonRegister: true,
  // Persons stored before searches existed get their name keys (nothing to do once done).
  prepare: async (connection) => {
    await backfillNameKeys(createMigrationModels(connection).Person);
  },
};
