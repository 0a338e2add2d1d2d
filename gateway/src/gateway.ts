import { randomUUID } from 'node:crypto';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import compression from 'compression';
import express, { type Express, type RequestHandler } from 'express';
import { REFUSAL_AUDIT_SUBGRAPH } from '@jol/schema';
import {
  bindAccessLine,
  createAccessLinePlugin,
  createAccessLog,
  createErrorFormatter,
  createJsonErrorHandler,
  createMetricsPlugin,
  createServiceMetrics,
  listen,
  metricsHandler,
  methodNotAllowed,
  notFoundHandler,
  parseJsonBody,
  readRawBody,
  requestIdOf,
  requirePreflight,
  type Caller,
  type Logger,
  type RunningServer,
  type SigningKeys,
  type TokenVerifier,
} from '@jol/kernel';
import { createAuthMiddleware, createIntrospectionGuard, createSuggestionGuard } from './auth';
import { createGatewayContext, type GatewayContext } from './context';
import { createKeepAliveFetch, createSigningFetcher, JolDataSource } from './data-source';
import { dashboardRouter } from './dashboard/serve';
import { graphiqlRouter } from './graphiql/serve';
import { createIndicatorsCsvHandler } from './indicators-csv';
import { createQueryLimits, type QueryLimits } from './limits';
import { loadPartnerManifests } from './partner-operations/committed';
import type { PersistedQueryManifest } from './partner-operations/manifest';
import {
  createCallerRefusal,
  createPartnerErrorAuditor,
  createPartnerRefusalAudit,
  createPersistedOperationsGate,
  createRefusalAuditor,
  refusedOperationAudit,
} from './persisted-operations';
import { oneMutationGuard } from './one-mutation';
import { legacyJsonStatus } from './response-status';
import { unknownOperationGuard } from './unknown-operation';
import { createBulkhead } from './isolation/bulkhead';
import { isolateHeavyOperations } from './isolation/heavy-pool';
import { createIsolationMetrics } from './isolation/metrics';
import { createRateLimits } from './isolation/rate-limits';
import { DEFAULT_ISOLATION, type IsolationSettings } from './isolation/settings';
import { withGuardLogging } from './resilience/logged-events';
import { createSubgraphCallMetrics } from './resilience/metrics';
import { readinessHandler, type ReadinessTarget } from './resilience/readiness';
import {
  createSubgraphGuard,
  type SubgraphGuardEvents,
  type SubgraphGuardOptions,
} from './resilience/subgraph-guard';

export interface GatewayOptions {
  /** The composed supergraph SDL; the gateway never introspects subgraphs. */
  supergraphSdl: string;
  /** Overrides of the URLs written in the supergraph, by subgraph name. @default {} */
  subgraphUrls?: Record<string, string>;
  log: Logger;
  access: {
    verifyToken: TokenVerifier;
    /** The keys subgraph requests are signed with (the first signs). */
    signingKeys: SigningKeys;
    /** The bearer the scraper sends for /metrics; unset, /metrics is not served. @default none */
    metricsToken?: string;
  };
  limits?: QueryLimits;
  /** Largest request body accepted. @default '100kb' */
  bodyLimit?: string;
  /**
   * The operations each partner institution may run, by partner code.
   * @default the committed manifests (gateway/src/partner-operations/manifests)
   */
  partnerManifests?: ReadonlyMap<string, PersistedQueryManifest>;
  /** Timeout, retry and breaker settings by subgraph name. @default DEFAULT_GUARD for each */
  subgraphGuards?: Record<string, SubgraphGuardOptions>;
  /** Observers of subgraph attempts and breaker states (metrics). @default none */
  subgraphEvents?: SubgraphGuardEvents;
  /** Per-caller rate limits and the heavy-operation pool. @default DEFAULT_ISOLATION */
  isolation?: IsolationSettings;
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
  // The URLs the gateway calls, as the supergraph and overrides settle them at load.
  const resolvedUrls: Record<string, string> = {};
  const subgraphs: ReadinessTarget[] = [];
  const connections: ReturnType<typeof createKeepAliveFetch>[] = [];
  const metrics = createServiceMetrics('gateway');
  const guardEvents = withGuardLogging(
    log,
    createSubgraphCallMetrics(metrics.registry),
    options.subgraphEvents,
  );
  const partnerManifests = options.partnerManifests ?? loadPartnerManifests({});
  // Only registered operation names become metric labels; any other name is one value.
  const registeredOperations = new Set(
    [...partnerManifests.values()].flatMap((m) => m.operations.map((o) => o.name)),
  );
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => {
      resolvedUrls[name] = overrides[name] ?? url ?? '';
      const guard = createSubgraphGuard(name, options.subgraphGuards?.[name], guardEvents);
      const keepAlive = createKeepAliveFetch();
      connections.push(keepAlive);
      subgraphs.push({ name, url: resolvedUrls[name], guard });
      return new JolDataSource({
        url: overrides[name] ?? url,
        fetcher: createSigningFetcher(options.access.signingKeys, name, keepAlive.fetch),
        guard,
      });
    },
    logger: log,
    // The gateway's own spans (plan, fetch per subgraph) carry neither the document nor errors,
    // which can quote a caller's values.
    telemetry: { includeDocument: false, recordExceptions: false },
  });
  const isolation = options.isolation ?? DEFAULT_ISOLATION;
  const isolationEvents = createIsolationMetrics(metrics.registry);
  const heavyPool = createBulkhead(isolation.heavyPool, isolationEvents.pool);
  const protection = createQueryLimits(options.limits);
  const apollo = new ApolloServer<GatewayContext>({
    gateway: isolateHeavyOperations(gateway, heavyPool, isolation.heavyPool),
    includeStacktraceInErrorResponses: false,
    formatError: createErrorFormatter(log),
    validationRules: protection.validationRules,
    parseOptions: protection.parseOptions,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    stopOnTerminationSignals: false,
    plugins: [
      ...protection.plugins,
      createIntrospectionGuard(),
      createSuggestionGuard(),
      unknownOperationGuard(),
      oneMutationGuard(),
      createMetricsPlugin(metrics, () => registeredOperations),
      legacyJsonStatus(),
      refusedOperationAudit(),
      createAccessLinePlugin(),
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.use(
    createAccessLog(log, {
      ignore: (path) => path === '/healthz',
      // Jol names every request itself: a caller's X-Request-Id could repeat another caller's, so
      // it is passed on only as a label (x-caller-request-id) and never joins audit events.
      assignRequestId: () => randomUUID(),
    }),
  );
  // Answers of 1 kB or more are compressed for clients that accept it (brotli at quality 4,
  // gzip, deflate); the GraphiQL bundle is served precompressed and passes through as it is.
  app.use(compression());
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/metrics', metricsHandler(metrics.registry, options.access.metricsToken));
  app.get(
    '/readyz',
    readinessHandler(() => subgraphs),
  );
  app.all(['/healthz', '/readyz', '/metrics'], methodNotAllowed('GET', 'HEAD'));
  // Public, like the pages of any API: the endpoints they call are what need a token.
  app.use(graphiqlRouter());
  app.use(dashboardRouter());
  // The indicators as CSV: the same authentication, and an operation run through `apollo` itself.
  // Partner institutions run their registered operations and nothing else, here too.
  const readBody = readRawBody({ limit: options.bodyLimit ?? '100kb', inflate: true });
  const partnerOptions = {
    manifests: partnerManifests,
    log,
    audit: createRefusalAuditor({
      subgraphUrl: () => resolvedUrls[REFUSAL_AUDIT_SUBGRAPH] || undefined,
      signingKeys: options.access.signingKeys,
      timeoutMs: options.subgraphGuards?.pensions?.timeoutMs,
    }),
    readBody,
  };
  // Every refusal of a verified caller before GraphQL runs goes through this one function, which
  // audits a partner's whatever its reason (purpose, rate, unregistered operation).
  const refuseCaller = createCallerRefusal(partnerOptions);
  const auditPartnerRefusal = createPartnerRefusalAudit(partnerOptions);
  const rateLimits = createRateLimits(
    isolation.rateLimits,
    isolationEvents.rateLimits,
    refuseCaller,
  );
  const authenticate = createAuthMiddleware(options.access.verifyToken, refuseCaller);
  const partnerGate = createPersistedOperationsGate(partnerOptions);
  app.get(
    '/indicators.csv',
    rateLimits.beforeAuth,
    authenticate,
    rateLimits.afterAuth,
    partnerGate,
    createIndicatorsCsvHandler({ apollo, schema: () => gateway.schema, log }),
    createPartnerErrorAuditor(partnerOptions),
  );
  app.all('/indicators.csv', methodNotAllowed('GET', 'HEAD'));
  const graphqlMethods = methodNotAllowed('GET', 'POST');
  const onlyGraphqlMethods: RequestHandler = (req, res, next) => {
    if (['GET', 'HEAD', 'POST'].includes(req.method)) next();
    else graphqlMethods(req, res, next);
  };
  app.use(
    '/graphql',
    onlyGraphqlMethods,
    // A request counts against its address until its token verifies, then against its caller.
    rateLimits.beforeAuth,
    authenticate,
    rateLimits.afterAuth,
    // Only an authenticated caller's body is read, and at most bodyLimit of it, decoded.
    readBody,
    parseJsonBody,
    partnerGate,
    requirePreflight,
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const context = createGatewayContext(
          requestIdOf(res),
          req.headers,
          log,
          (res.locals.caller as Caller) ?? null,
        );
        bindAccessLine(context, res);
        context.refused = () => auditPartnerRefusal(req, res);
        return context;
      },
    }),
    createPartnerErrorAuditor(partnerOptions),
  );
  app.use(notFoundHandler);
  app.use(createJsonErrorHandler(log));

  return {
    app,
    apollo,
    gateway,
    listen: (port, host) => listen(app, port, host),
    stop: async () => {
      await apollo.stop();
      for (const { guard } of subgraphs) guard?.shutdown();
      await Promise.all(connections.map((connection) => connection.close()));
    },
  };
}
