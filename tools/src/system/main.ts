import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SUBGRAPHS } from '@jol/schema';
import { createLogger } from '@jol/kernel';
import { devKeysEnv, devSubgraphKeysEnv, ensureDevKeys } from '../auth/dev-keys';
import { countPersons, seedSyntheticData } from '../seed/seed';
import { refreshStatistics } from '../stats/refresh-all';
import { localRecordKeys } from '../stats/synthetic-secret';
import { REPO_ROOT, startStore, type RunningStore } from '../store/secantus';
import { startSystem } from './system';

/**
 * `npm start`: the whole system on one machine. Without MONGODB_URI it runs the embedded store
 * with its data under .data/ (kept across restarts), seeds synthetic persons into an empty store
 * (or refreshes the statistics of a filled one), then starts the four subgraphs and the gateway.
 */
async function main() {
  const log = createLogger('jol');
  let store: RunningStore | undefined;
  let mongodbUri = process.env.MONGODB_URI;
  if (!mongodbUri) {
    const dataDir = join(REPO_ROOT, '.data');
    mkdirSync(dataDir, { recursive: true });
    log.info('starting the embedded store (SecantusDB) with data under .data/store');
    store = await startStore({
      storagePath: join(dataDir, 'store'),
      port: Number(process.env.STORE_PORT ?? 27018),
      logFile: join(dataDir, 'store.log'),
    });
    mongodbUri = store.uri;
  }
  const persons = Number(process.env.SEED_PERSONS ?? 5000);
  if ((await countPersons(mongodbUri, 'jol')) === 0 && persons > 0) {
    log.info({ persons }, 'empty store: seeding synthetic data');
    await seedSyntheticData({
      mongodbUri,
      databasePrefix: 'jol',
      persons,
      seed: 1,
      progress: true,
      recordKeys: localRecordKeys(),
    });
  } else if (process.env.REFRESH_STATISTICS !== '0') {
    // Indicators are pre-aggregated: bring them up to what the store holds now.
    const report = await refreshStatistics({
      mongodbUri,
      databasePrefix: 'jol',
      recordKeys: localRecordKeys(),
    });
    log.info(
      { asOf: report.asOf.toISOString().slice(0, 10), ms: report.elapsedMs },
      'statistics refreshed',
    );
  }
  // Operators configure JWKS_PATH or JWKS_URL and signing keys; locally, dev keys under .keys/.
  const signing = ['JOL_SIGNING_SECRET', 'JOL_SIGNING_KEYS'].some(
    (name) => process.env[name] || process.env[`${name}_FILE`],
  );
  const configured = (process.env.JWKS_PATH || process.env.JWKS_URL) && signing;
  const devKeys = configured ? null : await ensureDevKeys();
  const env = devKeys ? devKeysEnv(devKeys) : {};
  if (!configured)
    log.info(
      'using development keys under .keys/ (npm run -s token -- --role <ROLE> issues tokens)',
    );
  const system = await startSystem({
    mongodbUri,
    env,
    subgraphEnv: devKeys ? devSubgraphKeysEnv(devKeys) : {},
    gatewayPort: Number(process.env.PORT ?? 4000),
    subgraphPorts: Object.fromEntries(SUBGRAPHS.map((s) => [s.name, s.port])),
    output: 'inherit',
  });
  log.info(`Jol is up: ${system.gatewayUrl}/graphql`);
  const stop = async () => {
    await system.stop();
    await store?.stop();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
