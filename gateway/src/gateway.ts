import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import { pinoHttp } from 'pino-http';
import {
  createErrorFormatter,
  listen,
  requestIdFrom,
  type Logger,
  type RunningServer,
} from '@jol/schema';
import { createGatewayContext, type GatewayContext } from './context';
import { JolDataSource } from './data-source';
import { createQueryLimits, type QueryLimits } from './limits';

export interface GatewayOptions {
  /** The composed supergraph SDL; the gateway never introspects subgraphs. */
  supergraphSdl: string;
  /** Overrides of the URLs written in the supergraph, by subgraph name. @default {} */
  subgraphUrls?: Record<string, string>;
  log: Logger;
  limits?: QueryLimits;
  /** Largest request body accepted. @default '100kb' */
  bodyLimit?: string;
}

export interface JolGateway {
  app: Express;
  apollo: ApolloServer<GatewayContext>;
  gateway: ApolloGateway;
  listen(port: number, host?: string): Promise<RunningServer>;
  stop(): Promise<void>;
}

/** Builds the gateway's HTTP app (GraphQL, health and readiness); nothing listens yet. */
export async function createGateway(options: GatewayOptions): Promise<JolGateway> {
  const { log } = options;
  const overrides = options.subgraphUrls ?? {};
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => new JolDataSource({ url: overrides[name] ?? url }),
    logger: log,
  });
  const protection = createQueryLimits(options.limits);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    includeStacktraceInErrorResponses: false,
    formatError: createErrorFormatter(log),
    validationRules: protection.validationRules,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    stopOnTerminationSignals: false,
    plugins: [...protection.plugins, ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.use(
    pinoHttp({
      logger: log,
      genReqId: (req, res) => {
        const id = requestIdFrom(req.headers['x-request-id']);
        res.setHeader('X-Request-Id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' },
    }),
  );
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await gateway.serviceHealthCheck();
      res.json({ status: 'ready' });
    } catch (error) {
      log.warn({ err: error }, 'readiness check failed');
      res.status(503).json({ status: 'unavailable', reason: 'a subgraph is unreachable' });
    }
  });
  app.use(
    '/graphql',
    express.json({ limit: options.bodyLimit ?? '100kb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => createGatewayContext(String(req.id), req.headers, log),
    }),
  );

  return {
    app,
    apollo,
    gateway,
    listen: (port, host) => listen(app, port, host),
    stop: () => apollo.stop(),
  };
}
