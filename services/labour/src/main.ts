import { exitOnStartFailure, startTracing } from '@jol/schema/tracing';

async function main() {
  // First: tracing instruments express, graphql, http and the MongoDB driver as they are loaded.
  const tracing = startTracing('labour');
  const { runSubgraph } = await import('@jol/schema');
  const { labourProgram } = await import('./program');
  await runSubgraph({ ...labourProgram, tracing });
}

main().catch(exitOnStartFailure);
