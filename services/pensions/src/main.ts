import { exitOnStartFailure, startTracing } from '@jol/schema/tracing';

async function main() {
  // First: tracing instruments express, graphql, http and the MongoDB driver as they are loaded.
  const tracing = startTracing('pensions');
  const { runSubgraph } = await import('@jol/schema');
  const { createPensionsModels } = await import('./context');
  const { ensurePartnerRegistry } = await import('./partner/partner.registry');
  const { createPensionsServer, DEFAULT_PORT, SERVICE_NAME } = await import('./server');
  await runSubgraph({
    name: SERVICE_NAME,
    defaultPort: DEFAULT_PORT,
    createServer: createPensionsServer,
    // A partner's case and periods are checked against the person register (existence, birth).
    asksPersonRegister: true,
    // The partner institutions and their agreements, which every exchange refers to.
    prepare: (connection) => ensurePartnerRegistry(createPensionsModels(connection)),
    tracing,
  });
}

main().catch(exitOnStartFailure);
