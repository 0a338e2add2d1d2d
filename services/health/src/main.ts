import { exitOnStartFailure, startTracing } from '@jol/schema/tracing';

async function main() {
  // First: tracing instruments express, graphql, http and the MongoDB driver as they are loaded.
  const tracing = startTracing('health');
  const { runSubgraph } = await import('@jol/schema');
  const { healthProgram } = await import('./program');
  await runSubgraph({ ...healthProgram, tracing });
}

main().catch(exitOnStartFailure);
