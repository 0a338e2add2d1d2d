import { exitOnStartFailure, startTracing } from '@jol/kernel/tracing';

async function main() {
  // First: tracing instruments express, graphql, http and the MongoDB driver as they are loaded.
  const tracing = startTracing('health');
  const { runSubgraph } = await import('@jol/kernel');
  const { healthProgram } = await import('./program');
  await runSubgraph({ ...healthProgram, tracing });
}

main().catch(exitOnStartFailure);
