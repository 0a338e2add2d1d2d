import { exitOnStartFailure, runSubgraph } from '@jol/schema';
import { createMigrationModels } from './context';
import { backfillNameKeys } from './person/person.search';
import { createMigrationServer, DEFAULT_PORT, SERVICE_NAME } from './server';

runSubgraph({
  name: SERVICE_NAME,
  defaultPort: DEFAULT_PORT,
  createServer: createMigrationServer,
  // Persons stored before searches existed get their name keys (nothing to do once done).
  prepare: async (connection) => {
    await backfillNameKeys(createMigrationModels(connection).Person);
  },
}).catch(exitOnStartFailure);
