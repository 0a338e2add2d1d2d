import { exitOnStartFailure, startTracing } from '@jol/schema/tracing';

async function main() {
  // First: tracing instruments express, graphql, http and the MongoDB driver as they are loaded.
  const tracing = startTracing('consular');
  const { runSubgraph } = await import('@jol/schema');
  const { consularProgram } = await import('./program');
  await runSubgraph({ ...consularProgram, tracing });
}

main().catch(exitOnStartFailure);
