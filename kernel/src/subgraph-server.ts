import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, {
  type Express,
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import type { GraphQLSchema } from 'graphql';
import type { IMiddleware } from 'graphql-middleware';
import type { Connection } from 'mongoose';
import { bearerToken, type TokenVerifier } from './access/jwt';
import { applyAccessRules, type AccessRules } from './access/shield';
import { createStoredNonces } from './access/signature-nonces';
import {
  checkSignatureOrUnavailable,
  createSignatureVerifier,
  type SignatureVerifier,
  type SigningKeys,
} from './access/signing';
import type { PersonRegisterFactory } from './access/person-register';
import type { SubjectDirectoryFactory } from './access/subject-directory';
import { auditEventOf, createAuditPlugin, type AuditedOperation } from './audit/audit-plugin';
import { createAuditChain } from './audit/chain';
import type { AuditEventModel } from './audit/audit-event.model';
import {
  createChangeEventDispatcher,
  type ChangeEventDispatcher,
} from './change-events/dispatcher';
import { DEFAULT_WEBHOOK_SETTINGS, type WebhookSettings } from './change-events/webhook-settings';
import { createRequestContext, type Caller, type JolContext } from './context';
import { ErrorCode } from './errors';
import { bindAccessLine, createAccessLinePlugin, createAccessLog } from './access-log';
import { createErrorFormatter } from './format-error';
import { listen, type RunningServer } from './http';
import {
  createJsonErrorHandler,
  methodNotAllowed,
  notFoundHandler,
  parseJsonBody,
  readRawBody,
  requirePreflight,
  sendError,
  sendTokenRefusal,
} from './http-errors';
import type { Logger } from './logger';
import {
  createMetricsPlugin,
  createServiceMetrics,
  metricsHandler,
  observeAuditAppends,
  observeStoreCommands,
  type ServiceMetrics,
} from './metrics';

export interface SubgraphAccessOptions {
  /** The keys the gateway signs subgraph requests with (any is accepted). */
  signingKeys: SigningKeys;
  verifyToken: TokenVerifier;
  /** How far a signature's time may be from this clock. @default 30000 */
  signatureWindowMs?: number;
  /**
   * Where the subgraph learns the scope facts of the persons it writes about (see
   * subject-directory.ts). @default none: every write about a person fails closed
   */
  subjectDirectory?: SubjectDirectoryFactory;
  /**
   * Where the subgraph asks, under Jol's service identity, whether a PIN is registered and when
   * the person was born (see person-register.ts). @default none: every such question fails closed
   */
  personRegister?: PersonRegisterFactory;
  /** The bearer the scraper sends for /metrics; unset, /metrics is not served. @default none */
  metricsToken?: string;
  /** Where change events may be delivered. @default no host: no subscription can be made */
  webhooks?: WebhookSettings;
}

export interface SubgraphServerOptions<TLoaders, TModels extends { AuditEvent: AuditEventModel }> {
  /** The subgraph's name, as in the supergraph. */
  name: string;
  /** The unshielded schema; the access rules are applied here. */
  schema: GraphQLSchema;
  /** The rule maps of the service's `*.rules.ts` files. */
  rules: AccessRules[];
  /** Field middlewares that mask values (see applyAccessRules). @default [] */
  masks?: IMiddleware[];
  connection: Connection;
  models: TModels;
  createLoaders: (models: TModels) => TLoaders;
  log: Logger;
  access: SubgraphAccessOptions;
  /** Largest request body accepted. @default '1mb' */
  bodyLimit?: string;
  /**
   * Mounts the service's own routes beside /graphql, before the JSON 404 and error handlers.
   * @default none
   */
  routes?: (app: Express, helpers: SubgraphRouteHelpers<TLoaders, TModels>) => void;
  /**
   * The service records change events (its models include createChangeEventModels): a dispatcher
   * delivers them to subscribers while the server listens. @default false
   */
  changeEvents?: boolean;
}

/** What a subgraph's own routes share with /graphql, so that none re-implements a check. */
export interface SubgraphRouteHelpers<TLoaders, TModels> {
  /**
   * The one signed-route middleware, as /graphql runs it: a body read at most `limit` long (no
   * Content-Encoding), the gateway's signature checked on its raw bytes, the JSON parsed, then the
   * bearer token verified (the caller, or null without a token, in `res.locals.caller`).
   */
  signedRoute(limit: string): RequestHandler[];
  /** The request's context, as /graphql builds it for the caller signedRoute verified. */
  contextOf(req: Request, res: Response): JolContext<TLoaders, TModels>;
  /** Appends the audit event of a request whose trail is in `context`, on the subgraph's chain. */
  audit(context: JolContext<TLoaders, TModels>, operation: AuditedOperation): Promise<void>;
}

export interface SubgraphServer<TLoaders, TModels> {
  name: string;
  app: Express;
  apollo: ApolloServer<JolContext<TLoaders, TModels>>;
  connection: Connection;
  /** The subgraph's Prometheus series (served on /metrics to the scraper's bearer). */
  metrics: ServiceMetrics;
  /** The subgraph's signature check (nonces shared in its store), for its other routes. */
  verifySignature: SignatureVerifier;
  /** A fresh context, as a request would get, for service tests and tools. */
  createContext(
    headers?: Record<string, string>,
    caller?: Caller | null,
  ): JolContext<TLoaders, TModels>;
  listen(port: number, host?: string): Promise<RunningServer>;
  /** Delivers the service's change events; null for a service that records none. */
  dispatcher: ChangeEventDispatcher | null;
  /** Stops Apollo and closes the database connection. */
  stop(): Promise<void>;
}

function refuse(res: Response, message: string): void {
  sendError(res, 401, ErrorCode.UNAUTHENTICATED, message);
}

/**
 * Builds a subgraph's HTTP app around its schema: the gateway's signature is checked, the token
 * verified again, the access rules applied to every field and every person-level request audited.
 * Nothing listens until `listen` is called.
 */
export async function createSubgraphServer<
  TLoaders,
  TModels extends { AuditEvent: AuditEventModel },
>(options: SubgraphServerOptions<TLoaders, TModels>): Promise<SubgraphServer<TLoaders, TModels>> {
  const { log, connection, access } = options;
  const metrics = createServiceMetrics(options.name);
  observeStoreCommands(connection, metrics);
  // One chain per process and store: requests' events and deliveries' events queue on it alike.
  const chain = observeAuditAppends(createAuditChain(options.models.AuditEvent), metrics);
  const dispatcher = options.changeEvents
    ? createChangeEventDispatcher({
        service: options.name,
        connection,
        chain,
        settings: access.webhooks ?? DEFAULT_WEBHOOK_SETTINGS,
        log,
      })
    : null;
  const apollo = new ApolloServer<JolContext<TLoaders, TModels>>({
    schema: applyAccessRules(options.schema, options.rules, options.masks),
    includeStacktraceInErrorResponses: false,
    formatError: createErrorFormatter(log),
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      createMetricsPlugin(metrics) as never,
      createAccessLinePlugin(),
      createAuditPlugin(options.name, chain) as never,
    ],
    // main.ts owns signal handling; Apollo's own handler would stop the server twice.
    stopOnTerminationSignals: false,
  });
  await apollo.start();

  const createContext = (
    headers: Record<string, string | string[] | undefined> = {},
    caller: Caller | null = null,
    signed = false,
  ) =>
    createRequestContext({
      headers,
      signed,
      log,
      models: options.models,
      createLoaders: options.createLoaders,
      caller,
      directory: access.subjectDirectory,
      webhooks: access.webhooks,
      register: access.personRegister,
    });

  const verifySignature = createSignatureVerifier({
    audience: options.name,
    keys: access.signingKeys,
    nonces: createStoredNonces(connection),
    windowMs: access.signatureWindowMs,
  });
  // Runs on the raw bytes readRawBody left, before anything parses them.
  const checkSignature = async (req: Request, res: Response, next: NextFunction) => {
    const body: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const check = await checkSignatureOrUnavailable(
      verifySignature,
      { method: req.method, path: req.originalUrl, body, headers: req.headers },
      res,
      log,
    );
    if (!check) return;
    if (!check.ok) {
      log.warn(
        { reason: check.reason, ip: req.ip },
        'refused a request without a valid gateway signature',
      );
      refuse(res, 'Requests must come through the gateway');
      return;
    }
    next();
  };
  const authenticate = async (req: Request, res: Response, next: NextFunction) => {
    const token = bearerToken(req.headers.authorization);
    if (req.headers.authorization !== undefined && token === null) {
      refuse(res, 'The Authorization header must be "Bearer <token>"');
      return;
    }
    try {
      res.locals.caller = token ? await access.verifyToken(token) : null;
      next();
    } catch (error) {
      sendTokenRefusal(res, error);
    }
  };

  const signedRoute = (limit: string): RequestHandler[] => [
    readRawBody({ limit, inflate: false }),
    checkSignature,
    parseJsonBody,
    authenticate,
  ];
  // Every route built on signedRoute has had the gateway's signature checked before its context.
  const contextOf = (req: Request, res: Response) =>
    createContext(req.headers, (res.locals.caller as Caller | null) ?? null, true);

  const app = express();
  app.disable('x-powered-by');
  app.use(createAccessLog(log, { ignore: (path) => path === '/healthz' || path === '/readyz' }));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', service: options.name });
  });
  app.get('/metrics', metricsHandler(metrics.registry, access.metricsToken));
  app.get('/readyz', async (_req, res) => {
    // The store is this subgraph's one dependency: without it the subgraph cannot serve at all.
    const store = connection.readyState === 1 ? 'ready' : 'down';
    res.status(store === 'ready' ? 200 : 503).json({ status: store, service: options.name, store });
  });
  app.all(['/healthz', '/readyz', '/metrics'], methodNotAllowed('GET', 'HEAD'));
  app.post(
    '/graphql',
    ...signedRoute(options.bodyLimit ?? '1mb'),
    requirePreflight,
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const context = contextOf(req, res);
        bindAccessLine(context, res);
        return context;
      },
    }),
  );
  app.all('/graphql', methodNotAllowed('POST'));
  options.routes?.(app, {
    signedRoute,
    contextOf,
    audit: async (context, operation) => {
      await chain.append(auditEventOf(options.name, context, context.access.summary(), operation));
    },
  });
  app.use(notFoundHandler);
  app.use(createJsonErrorHandler(log));

  return {
    name: options.name,
    app,
    apollo,
    connection,
    metrics,
    verifySignature,
    createContext,
    dispatcher,
    listen: async (port, host) => {
      const running = await listen(app, port, host);
      dispatcher?.start();
      return running;
    },
    stop: async () => {
      await dispatcher?.stop();
      await apollo.stop();
      await connection.close();
    },
  };
}
