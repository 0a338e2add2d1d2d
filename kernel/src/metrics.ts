import { timingSafeEqual } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import { Kind, type OperationDefinitionNode, type GraphQLSchema } from 'graphql';
import type { Connection } from 'mongoose';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { ErrorCode } from './errors';

/** The one label value every name outside a known, bounded set collapses to. */
export const OTHER_LABEL = '(other)';

/** Error codes counted by name; any other code is counted as INTERNAL_SERVER_ERROR. */
const COUNTED_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_NOT_REGISTERED',
]);

/** Store commands counted by name; others (rare administrative ones) collapse to OTHER_LABEL. */
const COUNTED_COMMANDS = new Set([
  'find',
  'insert',
  'update',
  'delete',
  'aggregate',
  'findAndModify',
  'count',
  'distinct',
  'getMore',
  'killCursors',
  'createIndexes',
  'create',
  'listCollections',
  'listIndexes',
  'ping',
]);

const LATENCY_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * One process's metrics, in a registry of its own (never prom-client's global one, so servers
 * built side by side in one test process do not share series). Every label takes its values from
 * a bounded set: registered operation names, the schema's root fields, error codes, store command
 * names; nothing a caller writes (a PIN, a token, a free operation name) becomes a label.
 */
export interface ServiceMetrics {
  registry: Registry;
  requests: Counter<'operation' | 'field'>;
  requestDuration: Histogram<'operation' | 'field'>;
  errors: Counter<'code'>;
  storeCommandDuration: Histogram<'command' | 'outcome'>;
  auditAppendDuration: Histogram<'outcome'>;
}

export function createServiceMetrics(service: string): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    requests: new Counter({
      name: 'jol_graphql_requests_total',
      help: 'GraphQL operations resolved, by registered operation name and first root field',
      labelNames: ['operation', 'field'],
      registers,
    }),
    requestDuration: new Histogram({
      name: 'jol_graphql_request_duration_seconds',
      help: 'Time from a GraphQL request to its response, by operation name and first root field',
      labelNames: ['operation', 'field'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    errors: new Counter({
      name: 'jol_graphql_errors_total',
      help: 'Errors in GraphQL responses, by code',
      labelNames: ['code'],
      registers,
    }),
    storeCommandDuration: new Histogram({
      name: 'jol_store_command_duration_seconds',
      help: 'MongoDB command latency as the driver reports it, by command and outcome',
      labelNames: ['command', 'outcome'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    auditAppendDuration: new Histogram({
      name: 'jol_audit_append_duration_seconds',
      help: 'Time to append one event to the audit chain (queueing included), by outcome',
      labelNames: ['outcome'],
      buckets: LATENCY_BUCKETS,
      registers,
    }),
  };
}

/** The first root field of `operation`, when the schema has it; else OTHER_LABEL. */
function rootFieldOf(operation: OperationDefinitionNode, schema: GraphQLSchema): string {
  const first = operation.selectionSet.selections.find((s) => s.kind === Kind.FIELD);
  const name = first?.kind === Kind.FIELD ? first.name.value : undefined;
  if (name === undefined) return OTHER_LABEL;
  if (name === '__typename' || name === '__schema' || name === '__type') return name;
  return schema.getRootType(operation.operation)?.getFields()[name] ? name : OTHER_LABEL;
}

/**
 * Counts and times every GraphQL request, and counts the errors of its response by code.
 * `operation` is the operation's name only when it is in `knownOperations` (e.g. the partners'
 * registered operations); any other name is OTHER_LABEL and a nameless one '(anonymous)'.
 */
export function createMetricsPlugin(
  metrics: ServiceMetrics,
  knownOperations: () => ReadonlySet<string> = () => new Set(),
): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const stopTimer = metrics.requestDuration.startTimer();
      const labels = { operation: '(unresolved)', field: '(unresolved)' };
      return {
        async didResolveOperation({ operation, operationName, schema }) {
          labels.operation = !operationName
            ? '(anonymous)'
            : knownOperations().has(operationName)
              ? operationName
              : OTHER_LABEL;
          if (operation) labels.field = rootFieldOf(operation, schema);
        },
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const code = error.extensions?.code;
            metrics.errors.inc({
              code:
                typeof code === 'string' && COUNTED_CODES.has(code)
                  ? code
                  : ErrorCode.INTERNAL_SERVER_ERROR,
            });
          }
        },
        async willSendResponse() {
          metrics.requests.inc(labels);
          stopTimer(labels);
        },
      };
    },
  };
}

/**
 * Times every command the connection's driver runs (the connection must be opened with
 * `monitorCommands: true`; without it the driver emits nothing and the histogram stays empty).
 */
export function observeStoreCommands(connection: Connection, metrics: ServiceMetrics): void {
  const command = (name: string) => (COUNTED_COMMANDS.has(name) ? name : OTHER_LABEL);
  const client = connection.getClient();
  client.on('commandSucceeded', (event) =>
    metrics.storeCommandDuration.observe(
      { command: command(event.commandName), outcome: 'ok' },
      event.duration / 1000,
    ),
  );
  client.on('commandFailed', (event) =>
    metrics.storeCommandDuration.observe(
      { command: command(event.commandName), outcome: 'error' },
      event.duration / 1000,
    ),
  );
}

/** `chain` with each append timed into jol_audit_append_duration_seconds. */
export function observeAuditAppends<TChain extends { append(input: never): Promise<unknown> }>(
  chain: TChain,
  metrics: ServiceMetrics,
): TChain {
  return {
    ...chain,
    append: async (input: never) => {
      const stop = metrics.auditAppendDuration.startTimer();
      try {
        const appended = await chain.append(input);
        stop({ outcome: 'ok' });
        return appended;
      } catch (error) {
        stop({ outcome: 'error' });
        throw error;
      }
    },
  };
}

/**
 * * `METRICS_TOKEN`: the bearer the Prometheus scraper sends
 * for /metrics. Unset, /metrics is not served at all. Metrics show traffic shapes (which
 * operations run, how often, which agency fails), so they are not public, like the API itself.
 */
export function metricsTokenFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const token = (env.METRICS_TOKEN ?? '').trim();
  if (token === '') return undefined;
  if (token.length < 24)
    throw new Error(`METRICS_TOKEN must be at least 24 characters; got ${token.length}`);
  return token;
}

/**
 * GET /metrics in Prometheus text format for a scraper holding `token`; 404 when no token is
 * configured (metrics off), 401 with a typed JSON error for a missing or wrong bearer.
 */
export function metricsHandler(registry: Registry, token: string | undefined): RequestHandler {
  const expected = token ? Buffer.from(`Bearer ${token}`) : undefined;
  return async (req, res) => {
    if (!expected) {
      res
        .status(404)
        .json({ errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });
      return;
    }
    const given = Buffer.from(req.headers.authorization ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      res.status(401).json({
        errors: [
          {
            message: '/metrics needs the scraper bearer token',
            extensions: { code: ErrorCode.UNAUTHENTICATED },
          },
        ],
      });
      return;
    }
    res.setHeader('content-type', registry.contentType);
    res.send(await registry.metrics());
  };
}
