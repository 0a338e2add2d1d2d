import type { Connection } from 'mongoose';
import {
  createSubgraphServer,
  methodNotAllowed,
  REFUSAL_AUDIT_PATH,
  type Logger,
  type SubgraphAccessOptions,
} from '@jol/schema';
import { createPensionsLoaders, createPensionsModels } from './context';
import { createRefusalAuditRoute } from './operation-refusal/operation-refusal.route';
import { pensionsRules } from './rules';
import { createPensionsSchema } from './schema';

export const SERVICE_NAME = 'pensions';
export const DEFAULT_PORT = 4004;

export interface PensionsServerOptions {
  connection: Connection;
  log: Logger;
  access: SubgraphAccessOptions;
}

/**
 * The Social Fund subgraph, ready to listen; it also receives the gateway's refusals of
 * unregistered partner operations for its audit (REFUSAL_AUDIT_PATH).
 */
export async function createPensionsServer({ connection, log, access }: PensionsServerOptions) {
  const models = createPensionsModels(connection);
  const server = await createSubgraphServer({
    name: SERVICE_NAME,
    schema: await createPensionsSchema(),
    rules: pensionsRules,
    connection,
    models,
    createLoaders: createPensionsLoaders,
    log,
    access,
    changeEvents: true,
    routes: (app, helpers) => {
      app.post(
        REFUSAL_AUDIT_PATH,
        ...helpers.signedRoute('16kb'),
        createRefusalAuditRoute(helpers),
      );
      app.all(REFUSAL_AUDIT_PATH, methodNotAllowed('POST'));
    },
  });
  return server;
}
