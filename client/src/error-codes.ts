/**
 * Every `extensions.code` Jol answers with, in a GraphQL error or an HTTP error body. A system
 * branches on these, never on messages.
 */
export const JOL_ERROR_CODES = [
  // a request's own mistakes (4xx, or a field's error)
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'METHOD_NOT_ALLOWED',
  'NOT_FOUND',
  'CONFLICT',
  /** A search for persons would list too many (`extensions.rule` names the rule). */
  'SEARCH_TOO_BROAD',
  // who may ask
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONSENT_REQUIRED',
  /** A partner institution sent something other than an operation registered for it. */
  'OPERATION_NOT_REGISTERED',
  // transient: the same query may be sent again
  /** A register or store the request depends on is down; nothing was written. */
  'SERVICE_UNAVAILABLE',
  /** One agency's part is missing (down, hung, or its circuit open); the rest holds. */
  'SUBGRAPH_UNAVAILABLE',
  'SUBGRAPH_TIMEOUT',
  'SUBGRAPH_CIRCUIT_OPEN',
  /** HTTP 429, from a proxy in front of the gateway: wait as `Retry-After` says. */
  'RATE_LIMITED',
  'INTERNAL_SERVER_ERROR',
] as const;
export type JolErrorCode = (typeof JOL_ERROR_CODES)[number];

/** Codes this client adds when no answer came: the request may or may not have been processed. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'TIMEOUT' | 'UNKNOWN';

/** Codes after which the same query may be sent again (never a mutation). */
export const TRANSIENT_CODES: ReadonlySet<string> = new Set<JolErrorCode>([
  'SERVICE_UNAVAILABLE',
  'SUBGRAPH_UNAVAILABLE',
  'SUBGRAPH_TIMEOUT',
  'SUBGRAPH_CIRCUIT_OPEN',
  'RATE_LIMITED',
]);

export function isJolErrorCode(code: unknown): code is JolErrorCode {
  return typeof code === 'string' && (JOL_ERROR_CODES as readonly string[]).includes(code);
}
