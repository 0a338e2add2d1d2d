import { exitOnStartFailure, startTracing } from '@jol/schema/tracing';

async function main() {
  // First: tracing instruments express, graphql, http and the MongoDB driver as they are loaded.
  const tracing = startTracing('migration');
  const { runSubgraph } = await import('@jol/schema');
  const { createMigrationServer, DEFAULT_PORT, SERVICE_NAME } = await import('./server');
  await runSubgraph({
    name: SERVICE_NAME,
    defaultPort: DEFAULT_PORT,
    createServer: createMigrationServer,
    // Migration keeps the person register and answers the subject directory from its own store.
    ownsPersonRegister: true,
    tracing,
  });
}

main().catch(exitOnStartFailure);
