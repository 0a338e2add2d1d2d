import { GraphQLError } from 'graphql';

/** Stable error codes a client can branch on; the message is for people. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  CONFLICT: 'CONFLICT',
  NOT_FOUND: 'NOT_FOUND',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  CONSENT_REQUIRED: 'CONSENT_REQUIRED',
  /**
   * A search for persons would list too many to tell one apart (`extensions.rule` says which rule):
   * nothing is listed; add a birth date, a region or another name.
   */
  SEARCH_TOO_BROAD: 'SEARCH_TOO_BROAD',
  /**
   * A dependency (the store, the register a write is checked against) cannot be reached; nothing
   * was written and the same request may be sent again later.
   */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  /** One agency could not be reached: its part is missing, the other agencies' data holds. */
  SUBGRAPH_UNAVAILABLE: 'SUBGRAPH_UNAVAILABLE',
  /** One agency did not answer within its timeout: its part is missing. */
  SUBGRAPH_TIMEOUT: 'SUBGRAPH_TIMEOUT',
  /** One agency failed recently and is not called for now: its part is missing. */
  SUBGRAPH_CIRCUIT_OPEN: 'SUBGRAPH_CIRCUIT_OPEN',
  /**
   * The caller sent more requests than its role's limit, or has its share of heavy operations
   * waiting already (HTTP 429 with Retry-After); the same request may be sent after that time.
   */
  RATE_LIMITED: 'RATE_LIMITED',
  /**
   * Heavy operations (indicators, large lists) are queued beyond what the gateway takes, or this one
   * waited longer than the queue allows (HTTP 503 with Retry-After); nothing ran.
   */
  OVERLOADED: 'OVERLOADED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Characters JSON leaves as they are that would reorder or hide an error's text where it is shown. */
const INVISIBLE = /[\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/**
 * Prints an offending value for a message without dumping large or nested input; control and
 * bidirectional characters are escaped as JSON escapes them, so a message never carries one.
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  const json = typeof value === 'string' ? JSON.stringify(value) : safeJson(value);
  const text = json.replace(
    INVISIBLE,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

export function badUserInput(field: string, value: unknown, contract: string): GraphQLError {
  return new GraphQLError(`${field} ${contract}; got ${describeValue(value)}`, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, field },
  });
}

export function searchTooBroad(rule: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.SEARCH_TOO_BROAD, rule } });
}

export function conflict(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.CONFLICT, ...(field ? { field } : {}) },
  });
}

export function notFound(what: string, key: string, value: unknown): GraphQLError {
  return new GraphQLError(`${what} with ${key} ${describeValue(value)} does not exist`, {
    extensions: { code: ErrorCode.NOT_FOUND, field: key },
  });
}

/** True for a MongoDB duplicate-key error (E11000), whatever driver layer raised it. */
export function isDuplicateKeyError(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000
  );
}
