import { exitOnStartFailure, startTracing } from '@jol/kernel/tracing';

async function main() {
  // First: tracing instruments express, graphql, http and the MongoDB driver as they are loaded.
  const tracing = startTracing('pensions');
  const { runSubgraph } = await import('@jol/kernel');
  const { pensionsProgram } = await import('./program');
  await runSubgraph({ ...pensionsProgram, tracing });
}

main().catch(exitOnStartFailure);
