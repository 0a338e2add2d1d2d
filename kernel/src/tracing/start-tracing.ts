import type { IncomingMessage } from 'node:http';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter as OTLPJsonTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OTLPProtobufTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { ExpressInstrumentation, ExpressLayerType } from '@opentelemetry/instrumentation-express';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { MongoDBInstrumentation } from '@opentelemetry/instrumentation-mongodb';
import { UndiciInstrumentation, type UndiciRequest } from '@opentelemetry/instrumentation-undici';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { z } from 'zod';
import { isPublicVariable, parseEnv } from '../settings';
import { RedactingSpanProcessor } from './redact-spans';
import { SIGNATURE_HEADER } from '../change-events/delivery-signature';

/** A process's tracing: whether it exports spans, and how to send the last ones before exit. */
export interface Tracing {
  enabled: boolean;
  /** Exports the spans still buffered and stops; safe to call when tracing is off. */
  shutdown(): Promise<void>;
}

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const protocol = z.enum(['http/protobuf', 'http/json'], {
  error: 'must be http/protobuf or http/json',
});

/**
 * The standard OpenTelemetry variables Jol reads or lets the SDK read, checked before the process
 * starts so that a typo stops it instead of silently exporting nothing. The SDK itself reads the
 * rest (OTEL_EXPORTER_OTLP_HEADERS, OTEL_BSP_*, OTEL_RESOURCE_ATTRIBUTES).
 */
const tracingSettings = z.object({
  OTEL_SDK_DISABLED: optional(z.enum(['true', 'false'], { error: 'must be true or false' })),
  OTEL_TRACES_EXPORTER: optional(z.enum(['otlp', 'none'], { error: 'must be otlp or none' })),
  OTEL_EXPORTER_OTLP_ENDPOINT: optional(httpUrl),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: optional(httpUrl),
  OTEL_EXPORTER_OTLP_PROTOCOL: optional(protocol),
  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: optional(protocol),
  OTEL_TRACES_SAMPLER: optional(
    z.enum(
      [
        'always_on',
        'always_off',
        'traceidratio',
        'parentbased_always_on',
        'parentbased_always_off',
        'parentbased_traceidratio',
      ],
      { error: 'must be one of the standard samplers (e.g. parentbased_traceidratio)' },
    ),
  ),
  OTEL_TRACES_SAMPLER_ARG: optional(
    z
      .string()
      .regex(/^(0(\.\d+)?|1(\.0+)?)$/, 'must be a ratio from 0 to 1')
      .transform(Number),
  ),
  OTEL_SERVICE_NAME: optional(
    z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'must be 1-64 letters, digits, . _ or -'),
  ),
});

/** Requests that say nothing about a query: probes and scrapes would drown the traces that do. */
const UNTRACED_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

function isUntracedRequest(request: IncomingMessage): boolean {
  return UNTRACED_PATHS.has((request.url ?? '').split('?')[0]!);
}

/** Whether an outgoing request carries a header, in either form undici gives headers. */
function hasHeader(request: Pick<UndiciRequest, 'headers'>, name: string): boolean {
  const { headers } = request;
  if (typeof headers === 'string')
    return headers.split('\r\n').some((line) => line.toLowerCase().startsWith(`${name}:`));
  for (let i = 0; i < headers.length; i += 2)
    if (String(headers[i]).toLowerCase() === name) return true;
  return false;
}

/**
 * Whether an outgoing request carries the gateway's signature. Such a request already carries
 * the trace context it was signed with (traceSubgraphCall), so undici must not add a second one
 * after the signature was made.
 */
export function isSignedRequest(request: Pick<UndiciRequest, 'headers'>): boolean {
  return hasHeader(request, 'x-jol-signature');
}

/**
 * Whether an outgoing request is a change-event delivery to a subscriber's webhook (it carries the
 * delivery signature): it leaves the system, so it carries no trace context of ours.
 */
export function isWebhookDelivery(request: Pick<UndiciRequest, 'headers'>): boolean {
  return hasHeader(request, SIGNATURE_HEADER);
}

/**
 * Starts OpenTelemetry tracing for one process when the environment asks for it
 * (`OTEL_TRACES_EXPORTER=otlp`, or an OTLP endpoint given without it), and does nothing otherwise
 * or under `OTEL_SDK_DISABLED=true`. It must run before express, graphql, http and the MongoDB
 * driver are loaded, since their instrumentation hooks the loading: each `main.ts` calls it first
 * and loads the rest afterwards.
 *
 * Spans go to OTLP over HTTP (protobuf, or JSON with `OTEL_EXPORTER_OTLP_PROTOCOL=http/json`),
 * after the RedactingSpanProcessor; only W3C trace context is propagated (no baggage). A bad
 * variable throws a ConfigError naming it.
 */
export function startTracing(serviceName: string, env: NodeJS.ProcessEnv = process.env): Tracing {
  // An endpoint may carry credentials in its URL: it is never quoted.
  const settings = parseEnv(
    tracingSettings,
    env,
    (variable) => isPublicVariable(variable) && !variable.includes('ENDPOINT'),
  );
  const endpoint =
    settings.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? settings.OTEL_EXPORTER_OTLP_ENDPOINT;
  const exporterChosen =
    settings.OTEL_TRACES_EXPORTER === 'otlp' ||
    (settings.OTEL_TRACES_EXPORTER === undefined && endpoint !== undefined);
  if (settings.OTEL_SDK_DISABLED === 'true' || !exporterChosen)
    return { enabled: false, shutdown: async () => {} };
  const json =
    (settings.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL ?? settings.OTEL_EXPORTER_OTLP_PROTOCOL) ===
    'http/json';
  const exporter = json ? new OTLPJsonTraceExporter() : new OTLPProtobufTraceExporter();
  const sdk = new NodeSDK({
    serviceName: settings.OTEL_SERVICE_NAME ?? serviceName,
    textMapPropagator: new W3CTraceContextPropagator(),
    spanProcessors: [new RedactingSpanProcessor(new BatchSpanProcessor(exporter))],
    // Metrics are Prometheus' (/metrics) and logs go to stdout: the SDK exports neither.
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({ ignoreIncomingRequestHook: isUntracedRequest }),
      new ExpressInstrumentation({ ignoreLayersType: [ExpressLayerType.MIDDLEWARE] }),
      // No argument values in the document (`*` instead), one span per list, none for fields
      // that only read a property.
      new GraphQLInstrumentation({
        allowValues: false,
        mergeItems: true,
        ignoreTrivialResolveSpans: true,
      }),
      new UndiciInstrumentation({
        ignoreRequestHook: (request) => isSignedRequest(request) || isWebhookDelivery(request),
      }),
      // Every value of a store command is written as `?`; commands outside a request are not traced.
      new MongoDBInstrumentation({ enhancedDatabaseReporting: false, requireParentSpan: true }),
    ],
  });
  sdk.start();
  return { enabled: true, shutdown: () => sdk.shutdown() };
}
