import { exitOnStartFailure, startTracing } from '@jol/kernel/tracing';

async function main() {
  // First: tracing instruments express, graphql, http and the MongoDB driver as they are loaded.
  const tracing = startTracing('migration');
  const { runSubgraph } = await import('@jol/kernel');
  const { migrationProgram } = await import('./program');
  await runSubgraph({ ...migrationProgram, tracing });
}

main().catch(exitOnStartFailure);
