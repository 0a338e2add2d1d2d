import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError } from 'graphql';
import { ErrorCode } from './errors';
import type { Logger } from './logger';

/** Codes whose message was written for the client and may pass as they are. */
const CLIENT_CODES = new Set<string>([
  ...Object.values(ErrorCode).filter((c) => c !== ErrorCode.INTERNAL_SERVER_ERROR),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_NOT_REGISTERED',
  'UNAUTHENTICATED',
]);

/** True when the root of a parse failure is graphql-js's own syntax error, not a RangeError. */
function isSyntaxError(error: unknown): boolean {
  let current: unknown = error;
  while (current instanceof GraphQLError && current.originalError) current = current.originalError;
  return current instanceof GraphQLError;
}

/**
 * Apollo Server's `formatError`: client errors keep their code and message (a bad scalar inside a
 * query literal is reported as BAD_USER_INPUT, like the same value in a variable); anything else is
 * logged and replaced by a bare INTERNAL_SERVER_ERROR, so no stack, path or driver detail leaves.
 */
export function createErrorFormatter(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const inner =
      original instanceof GraphQLError && original.originalError instanceof GraphQLError
        ? original.originalError
        : original;
    const innerCode = inner instanceof GraphQLError ? inner.extensions?.code : undefined;
    if (
      innerCode === ErrorCode.BAD_USER_INPUT &&
      formatted.extensions?.code === 'GRAPHQL_VALIDATION_FAILED'
    ) {
      return {
        message: inner instanceof Error ? inner.message : formatted.message,
        locations: formatted.locations,
        extensions: {
          code: ErrorCode.BAD_USER_INPUT,
          field: (inner as GraphQLError).extensions?.field,
        },
      };
    }
    const code = formatted.extensions?.code;
    if (code === 'GRAPHQL_PARSE_FAILED' && !isSyntaxError(original)) {
      // The parser gave up for want of stack (a document nested thousands deep), not on a token.
      return {
        message: 'The document nests too deeply to be parsed',
        extensions: { code: 'GRAPHQL_PARSE_FAILED' },
      };
    }
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      // serviceName is the gateway's note of the subgraph that raised the error: an internal name.
      const {
        stacktrace: _stack,
        exception: _exception,
        serviceName: _serviceName,
        ...extensions
      } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    log.error({ err: original }, 'unexpected error');
    return {
      message: 'Internal server error',
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
