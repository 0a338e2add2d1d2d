import {
  agencyDatabase,
  connectStore,
  createLogger,
  ensureIndexes,
  stopOnSignals,
  subgraphAccessFromEnv,
} from '@jol/schema';
import { createPensionsModels } from './context';
import { ensurePartnerRegistry } from './partner/partner.registry';
import { createPensionsServer, DEFAULT_PORT, SERVICE_NAME } from './server';

async function main() {
  const log = createLogger(SERVICE_NAME);
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error('MONGODB_URI must name the MongoDB server');
  const access = subgraphAccessFromEnv();
  const connection = await connectStore({ uri, dbName: agencyDatabase(SERVICE_NAME) });
  const server = await createPensionsServer({ connection, log, access });
  await ensureIndexes(connection);
  // Reference data every start needs: the partner institutions and their agreements.
  await ensurePartnerRegistry(createPensionsModels(connection));
  const running = await server.listen(
    Number(process.env.PORT ?? DEFAULT_PORT),
    process.env.HOST ?? '127.0.0.1',
  );
  log.info({ url: running.url }, 'pensions subgraph listening');
  stopOnSignals(async () => {
    await running.close();
    await server.stop();
  }, log);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
