import { exitOnStartFailure, startTracing } from '@jol/schema/tracing';

async function main() {
  // First: tracing instruments express, graphql, http and the MongoDB driver as they are loaded.
  const tracing = startTracing('pensions');
  const { runSubgraph } = await import('@jol/schema');
  const { pensionsProgram } = await import('./program');
  await runSubgraph({ ...pensionsProgram, tracing });
}

main().catch(exitOnStartFailure);
