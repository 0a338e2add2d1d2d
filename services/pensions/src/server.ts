import type { Connection } from 'mongoose';
import { REFUSAL_AUDIT_PATH } from '@jol/schema';
import {
  createSubgraphServer,
  methodNotAllowed,
  type Logger,
  type SubgraphAccessOptions,
} from '@jol/kernel';
import { createRefusalAuditRoute } from './operation-refusal/operation-refusal.route';
import { pensionsSubgraph } from './schema';

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
  const models = pensionsSubgraph.createModels(connection);
  const server = await createSubgraphServer({
    name: SERVICE_NAME,
    schema: await pensionsSubgraph.createSchema(),
    rules: pensionsSubgraph.rules,
    masks: pensionsSubgraph.masks,
    connection,
    models,
    createLoaders: pensionsSubgraph.createLoaders,
    log,
    access,
    changeEvents: pensionsSubgraph.changeEvents,
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
