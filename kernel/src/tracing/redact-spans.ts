import type { Attributes, AttributeValue, Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';

/** Attributes that hold a URL: kept without their query string, where GraphQL GETs carry values. */
const URL_ATTRIBUTES = new Set(['http.target', 'http.url', 'url.full', 'url.original']);
/** Attributes that only ever hold what a caller sent: never exported. */
const DROPPED_ATTRIBUTES = new Set(['url.query', 'graphql.document']);
const DROPPED_PREFIXES = ['http.request.header.', 'http.response.header.', 'graphql.variables.'];

/**
 * A run of nine digits or more: a PIN (14 digits), a partner's identifier (SNILS, IIN, TCKN: 11
 * or 12) or any value that merely looks like one. Nothing Jol's spans need is written that way.
 */
const IDENTIFIER = /\d{9,}/g;
/** A JWT (three base64url parts, the first a JSON header) or any bearer credential. */
const JWT = /\beyJ[\w-]*\.[\w-]*\.[\w-]*/g;
const BEARER = /\b(bearer)\s+[^\s"',;]+/gi;

/** Masks every identifier and token in a text: names, messages and statements values reach. */
export function redactText(text: string): string {
  // Tokens first: a signature's digits masked alone would leave the rest of the token.
  return text.replace(JWT, '[token]').replace(BEARER, '$1 [token]').replace(IDENTIFIER, '[id]');
}

function redactValue(key: string, value: AttributeValue | undefined): AttributeValue | undefined {
  if (typeof value === 'string') {
    const text = URL_ATTRIBUTES.has(key) ? value.replace(/[?#].*$/s, '') : value;
    return redactText(text);
  }
  if (Array.isArray(value))
    return value.map((item) =>
      typeof item === 'string' ? redactText(item) : item,
    ) as AttributeValue;
  return value;
}

/**
 * The request id Jol gives every request (a random UUID, never the caller's): kept whole, since
 * its last group holds nine digits in a row often enough (about 3% of requests) that masking it
 * would lose the span an operator looks up by the id in a log line or an answer's X-Request-Id.
 */
const REQUEST_ID_ATTRIBUTE = 'jol.request_id';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The attributes fit to leave the process: no header, variable or query string, no identifier or token. */
export function redactAttributes(attributes: Attributes): Attributes {
  const kept: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (DROPPED_ATTRIBUTES.has(key) || DROPPED_PREFIXES.some((prefix) => key.startsWith(prefix)))
      continue;
    if (key === REQUEST_ID_ATTRIBUTE && typeof value === 'string' && UUID.test(value)) {
      kept[key] = value;
      continue;
    }
    kept[key] = redactValue(key, value);
  }
  return kept;
}

/** A copy of an ended span with its name, attributes, events, links and status redacted. */
export function redactSpan(span: ReadableSpan): ReadableSpan {
  return {
    name: redactText(span.name),
    kind: span.kind,
    spanContext: () => span.spanContext(),
    parentSpanContext: span.parentSpanContext,
    startTime: span.startTime,
    endTime: span.endTime,
    status:
      span.status.message === undefined
        ? span.status
        : { ...span.status, message: redactText(span.status.message) },
    attributes: redactAttributes(span.attributes),
    links: span.links.map((link) =>
      link.attributes ? { ...link, attributes: redactAttributes(link.attributes) } : link,
    ),
    events: span.events.map((event) => ({
      ...event,
      name: redactText(event.name),
      ...(event.attributes ? { attributes: redactAttributes(event.attributes) } : {}),
    })),
    duration: span.duration,
    ended: span.ended,
    resource: span.resource,
    instrumentationScope: span.instrumentationScope,
    droppedAttributesCount: span.droppedAttributesCount,
    droppedEventsCount: span.droppedEventsCount,
    droppedLinksCount: span.droppedLinksCount,
  };
}

/**
 * Hands every ended span to `next` redacted (see redactSpan). The instrumentations are configured
 * to record no values already (no headers, no GraphQL variables, store statements with `?` for
 * every value); this is the one place that holds whatever a library adds later: a caller's
 * operation name with a PIN in it, an error message quoting a value, a GET's query string.
 */
export class RedactingSpanProcessor implements SpanProcessor {
  constructor(private readonly next: SpanProcessor) {}

  onStart(span: Span, parentContext: Context): void {
    this.next.onStart(span, parentContext);
  }

  onEnd(span: ReadableSpan): void {
    this.next.onEnd(redactSpan(span));
  }

  forceFlush(): Promise<void> {
    return this.next.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.next.shutdown();
  }
}
