import { accessFromEnv, createLogger, exitOnStartFailure, stopOnSignals } from '@jol/schema';
import { createGateway } from './gateway';
import { loadPartnerManifests } from './partner-operations/committed';
import { guardSettingsFromEnv } from './resilience/settings';
import { loadSupergraph, subgraphUrlsFromEnv, supergraphPath } from './supergraph';

async function main() {
  const log = createLogger('gateway');
  const path = supergraphPath();
  const gateway = await createGateway({
    supergraphSdl: loadSupergraph(path),
    subgraphUrls: subgraphUrlsFromEnv(),
    log,
    access: accessFromEnv(),
    partnerManifests: loadPartnerManifests(process.env),
    subgraphGuards: guardSettingsFromEnv(),
  });
  const running = await gateway.listen(
    Number(process.env.PORT ?? 4000),
    process.env.HOST ?? '127.0.0.1',
  );
  log.info({ url: `${running.url}/graphql`, supergraph: path }, 'gateway listening');
  stopOnSignals(async () => {
    await running.close();
    await gateway.stop();
  }, log);
}

main().catch(exitOnStartFailure);
