import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

/**
 * The W3C trace context headers a signed request carries. They are signed with the rest of the
 * request, so a subgraph joins only the trace the gateway named; baggage is never propagated.
 */
export const TRACE_CONTEXT_HEADERS = ['traceparent', 'tracestate'] as const;

/** The tracer of Jol's own spans (the calls from the gateway to a subgraph). */
const tracer = () => trace.getTracer('jol');

/**
 * The trace context of the active span as headers (`traceparent`, and `tracestate` when it has
 * one); empty while tracing is off, so a request without it is signed exactly as before.
 */
export function traceContextHeaders(): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  const headers: Record<string, string> = {};
  for (const name of TRACE_CONTEXT_HEADERS) if (carrier[name]) headers[name] = carrier[name];
  return headers;
}

/**
 * Runs one signed call to a subgraph under a client span of its own (`POST <subgraph>`), so that
 * `traceContextHeaders()` inside names it as the subgraph's parent; the answer's status, or the
 * failure's kind (never its message), is recorded on the span.
 */
export function traceSubgraphCall<T extends { status: number }>(
  subgraph: string,
  method: string,
  call: () => Promise<T>,
): Promise<T> {
  return tracer().startActiveSpan(
    `${method.toUpperCase()} ${subgraph}`,
    {
      kind: SpanKind.CLIENT,
      attributes: { 'jol.subgraph': subgraph, 'http.request.method': method.toUpperCase() },
    },
    async (span) => {
      try {
        const response = await call();
        span.setAttribute('http.response.status_code', response.status);
        if (response.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        return response;
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR });
        span.setAttribute('error.type', error instanceof Error ? error.name : 'unknown');
        throw error;
      } finally {
        span.end();
      }
    },
  );
}
