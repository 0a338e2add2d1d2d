import { createLogger, exitOnStartFailure, stopOnSignals } from '@jol/schema';
import { gatewayConfigFromEnv } from './config';
import { createGateway } from './gateway';
import { loadPartnerManifests } from './partner-operations/committed';
import { loadSupergraph, supergraphPath } from './supergraph';

async function main() {
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
  }, log);
}

main().catch(exitOnStartFailure);
