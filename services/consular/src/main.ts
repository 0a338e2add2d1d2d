import { exitOnStartFailure, startTracing } from '@jol/kernel/tracing';

async function main() {
  // First: tracing instruments express, graphql, http and the MongoDB driver as they are loaded.
  const tracing = startTracing('consular');
  const { runSubgraph } = await import('@jol/kernel');
  const { consularProgram } = await import('./program');
  await runSubgraph({ ...consularProgram, tracing });
}

main().catch(exitOnStartFailure);
