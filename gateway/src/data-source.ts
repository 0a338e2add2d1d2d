import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import { signRequest, type SigningKeys } from '@jol/schema';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from './context';

/**
 * Wraps fetch so that every request to the subgraph `target` carries the gateway's signature over
 * the exact bytes and headers sent (the caller's token, purpose and request id among them), made
 * for that subgraph alone; subgraphs refuse anything unsigned, so they cannot be called around the
 * gateway, and a request for one cannot be replayed to another.
 */
export function createSigningFetcher(
  keys: SigningKeys,
  target: string,
  fetchImpl: typeof fetch = fetch,
): Fetcher {
  return async (url, init) => {
    const headers = { ...((init?.headers ?? {}) as Record<string, string>) };
    const body = typeof init?.body === 'string' ? init.body : '';
    const address = new URL(url);
    Object.assign(
      headers,
      signRequest(keys, {
        target,
        method: init?.method ?? 'GET',
        path: `${address.pathname}${address.search}`,
        body,
        headers,
      }),
    );
    return (await fetchImpl(url, {
      method: init?.method,
      body: init?.body as string | undefined,
      headers,
    })) as unknown as FetcherResponse;
  };
}

/** Headers a subgraph needs to judge a request on its own; nothing else is forwarded. */
export const FORWARDED_HEADERS = [
  'authorization',
  'x-purpose',
  'x-request-id',
  'x-caller-request-id',
] as const;

/**
 * The gateway's only way to reach a subgraph: forwards the caller's credentials, purpose and
 * request id, so that every subgraph can authorize and audit the request itself.
 */
export class JolDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({
    request,
    context,
  }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const headers = request.http?.headers;
    if (!headers || !context?.forwarded) return;
    for (const name of FORWARDED_HEADERS) {
      const value = context.forwarded[name];
      if (value !== undefined) headers.set(name, value);
    }
  }

  /**
   * A subgraph answers 4xx with a GraphQL body for requests it refuses (a bad variable, a missing
   * signature). Pass its first error on as it was written for the client, without the subgraph's
   * URL or status line that the default error would carry.
   */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const body = (await this.parseBody(response).catch(() => null)) as {
      errors?: { message?: unknown; extensions?: { code?: unknown; field?: unknown } }[];
    } | null;
    const first = body?.errors?.[0];
    if (first && typeof first.message === 'string' && typeof first.extensions?.code === 'string') {
      const extensions: Record<string, unknown> = { code: first.extensions.code };
      if (typeof first.extensions.field === 'string') extensions.field = first.extensions.field;
      return new GraphQLError(first.message, { extensions });
    }
    const code =
      response.status === 401
        ? 'UNAUTHENTICATED'
        : response.status === 403
          ? 'FORBIDDEN'
          : undefined;
    return new GraphQLError(
      code ? 'The request was refused by a subgraph' : 'A subgraph failed to answer',
      {
        extensions: { code: code ?? 'INTERNAL_SERVER_ERROR' },
      },
    );
  }
}
