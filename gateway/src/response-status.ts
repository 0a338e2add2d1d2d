import type { ApolloServerPlugin } from '@apollo/server';

/** Codes of a GraphQL request that was well-formed HTTP but could not run as a GraphQL operation. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
]);

const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';

/** True when the client asked for the legacy `application/json` only, by name. */
export function acceptsLegacyJsonOnly(accept: string | undefined): boolean {
  if (!accept) return false;
  const types = accept.split(',').map((part) => part.split(';')[0]?.trim().toLowerCase());
  return types.includes('application/json') && !types.includes(GRAPHQL_RESPONSE_JSON);
}

/**
 * The GraphQL-over-HTTP spec's status rule for the legacy media type: a client that asked for
 * `application/json` by name (and not `application/graphql-response+json`) gets 200 for a document
 * that does not parse or validate and for variables that do not coerce, the errors in the body;
 * every other client keeps Apollo Server's 400. Only those request errors are relaxed: an
 * authentication or HTTP-level refusal keeps its status whatever the Accept header says.
 */
export function legacyJsonStatus<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart({ request }) {
      if (!acceptsLegacyJsonOnly(request.http?.headers.get('accept'))) return;
      return {
        async willSendResponse({ response }) {
          if (response.http.status !== 400 || response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          const codes = (errors ?? []).map((e) => e.extensions?.code);
          if (
            data === undefined &&
            codes.length > 0 &&
            codes.every((code) => typeof code === 'string' && REQUEST_ERROR_CODES.has(code))
          ) {
            response.http.status = 200;
          }
        },
      };
    },
  };
}
