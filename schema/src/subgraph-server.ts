import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type Request } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Connection } from 'mongoose';
import { createRequestContext, type Caller, type JolContext } from './context';
import { createErrorFormatter } from './format-error';
import { listen, type RunningServer } from './http';
import type { Logger } from './logger';

export interface SubgraphServerOptions<TLoaders, TModels> {
  /** The subgraph's name, as in the supergraph (migration, labour, health, pensions). */
  name: string;
  schema: GraphQLSchema;
  connection: Connection;
  models: TModels;
  createLoaders: (models: TModels) => TLoaders;
  log: Logger;
  /** Resolves the verified caller of a request; null for anonymous. @default () => null */
  authenticate?: (req: Request) => Promise<Caller | null>;
  /** Largest request body accepted. @default '1mb' */
  bodyLimit?: string;
}

export interface SubgraphServer<TLoaders, TModels> {
  name: string;
  app: Express;
  apollo: ApolloServer<JolContext<TLoaders, TModels>>;
  connection: Connection;
  /** A fresh context, as a request would get, for service tests and tools. */
  createContext(
    headers?: Record<string, string>,
    caller?: Caller | null,
  ): JolContext<TLoaders, TModels>;
  listen(port: number, host?: string): Promise<RunningServer>;
  /** Stops Apollo and closes the database connection. */
  stop(): Promise<void>;
}

/** Builds a subgraph's HTTP app around its schema; nothing listens until `listen` is called. */
export async function createSubgraphServer<TLoaders, TModels>(
  options: SubgraphServerOptions<TLoaders, TModels>,
): Promise<SubgraphServer<TLoaders, TModels>> {
  const { log, connection } = options;
  const authenticate = options.authenticate ?? (async () => null);
  const apollo = new ApolloServer<JolContext<TLoaders, TModels>>({
    schema: options.schema,
    includeStacktraceInErrorResponses: false,
    formatError: createErrorFormatter(log),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
    // main.ts owns signal handling; Apollo's own handler would stop the server twice.
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  const createContext = (
    headers: Record<string, string | string[] | undefined> = {},
    caller: Caller | null = null,
  ) =>
    createRequestContext({
      headers,
      log,
      models: options.models,
      createLoaders: options.createLoaders,
      caller,
    });

  const app = express();
  app.disable('x-powered-by');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', service: options.name });
  });
  app.get('/readyz', async (_req, res) => {
    const ready = connection.readyState === 1;
    res
      .status(ready ? 200 : 503)
      .json({ status: ready ? 'ready' : 'store unavailable', service: options.name });
  });
  app.use(
    '/graphql',
    express.json({ limit: options.bodyLimit ?? '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => createContext(req.headers, await authenticate(req)),
    }),
  );

  return {
    name: options.name,
    app,
    apollo,
    connection,
    createContext,
    listen: (port, host) => listen(app, port, host),
    stop: async () => {
      await apollo.stop();
      await connection.close();
    },
  };
}
