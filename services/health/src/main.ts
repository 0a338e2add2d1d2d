import { exitOnStartFailure, startTracing } from '@jol/schema/tracing';

async function main() {
  // First: tracing instruments express, graphql, http and the MongoDB driver as they are loaded.
  const tracing = startTracing('health');
  const { runSubgraph } = await import('@jol/schema');
  const { createHealthServer, DEFAULT_PORT, SERVICE_NAME } = await import('./server');
  await runSubgraph({
    name: SERVICE_NAME,
    defaultPort: DEFAULT_PORT,
    createServer: createHealthServer,
    tracing,
  });
}

main().catch(exitOnStartFailure);
