import { exitOnStartFailure, startTracing } from '@jol/schema/tracing';

async function main() {
  // First: tracing instruments express, graphql, http and the MongoDB driver as they are loaded.
  const tracing = startTracing('migration');
  const { runSubgraph } = await import('@jol/schema');
  const { migrationProgram } = await import('./program');
  await runSubgraph({ ...migrationProgram, tracing });
}

main().catch(exitOnStartFailure);
