import { exitOnStartFailure, startTracing } from '@jol/schema/tracing';

async function main() {
  // First: tracing instruments express, graphql, http and the MongoDB driver as they are loaded.
  const tracing = startTracing('migration');
  const { runSubgraph } = await import('@jol/schema');
  const { createMigrationModels } = await import('./context');
  const { backfillNameKeys } = await import('./person/person.search');
  const { createMigrationServer, DEFAULT_PORT, SERVICE_NAME } = await import('./server');
  await runSubgraph({
    name: SERVICE_NAME,
    defaultPort: DEFAULT_PORT,
    createServer: createMigrationServer,
    // Migration keeps the person register and answers the subject directory from its own store.
    ownsPersonRegister: true,
    // Persons stored before searches existed get their name keys (nothing to do once done).
    prepare: async (connection) => {
      await backfillNameKeys(createMigrationModels(connection).Person);
    },
    tracing,
  });
}

main().catch(exitOnStartFailure);
