import { exitOnStartFailure, startTracing } from '@jol/kernel/tracing';

async function main() {
  // First: tracing instruments express, graphql, http and the MongoDB driver as they are loaded.
  const tracing = startTracing('labour');
  const { runSubgraph } = await import('@jol/kernel');
  const { labourProgram } = await import('./program');
  await runSubgraph({ ...labourProgram, tracing });
}

main().catch(exitOnStartFailure);
