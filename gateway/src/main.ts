import { exitOnStartFailure, startTracing } from '@jol/kernel/tracing';

async function main() {
  // First: tracing instruments express, graphql and http as they are loaded.
  const tracing = startTracing('gateway');
  const { createLogger, stopOnSignals } = await import('@jol/kernel');
  const { gatewayConfigFromEnv } = await import('./config');
  const { createGateway } = await import('./gateway');
  const { loadPartnerManifests } = await import('./partner-operations/committed');
  const { loadSupergraph, supergraphPath } = await import('./supergraph');
  // Every setting is checked before anything starts; a bad one stops the process with one line.
  const config = gatewayConfigFromEnv(process.env);
  const log = createLogger('gateway');
  const path = supergraphPath();
  const gateway = await createGateway({
    supergraphSdl: loadSupergraph(path),
    subgraphUrls: config.subgraphUrls,
    log,
    access: config.access,
    partnerManifests: loadPartnerManifests(process.env),
    subgraphGuards: config.subgraphGuards,
    isolation: config.isolation,
  });
  const running = await gateway.listen(config.port, config.host);
  log.info({ url: `${running.url}/graphql`, supergraph: path }, 'gateway listening');
  stopOnSignals(async () => {
    await running.close(config.shutdown);
    await gateway.stop();
    // A collector that cannot be reached must not turn a clean stop into a failed one.
    await tracing.shutdown().catch(() => undefined);
  }, log);
}

main().catch(exitOnStartFailure);
