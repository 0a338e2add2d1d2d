import { AsyncLocalStorage } from 'node:async_hooks';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher, FetcherResponse } from '@apollo/utils.fetcher';
import {
  CALLER_OPERATION_NAME_HEADER,
  signRequest,
  traceContextHeaders,
  traceSubgraphCall,
  type SigningKeys,
} from '@jol/kernel';
import { GraphQLError } from 'graphql';
import { Agent, fetch as undiciFetch } from 'undici';
import type { GatewayContext } from './context';
import { dedupeRepresentations, expandEntities, shareInFlight } from './subgraph-calls';
import { isSafeToRetry } from './resilience/operation-kind';
import {
  SubgraphCallError,
  SubgraphStatusError,
  type SubgraphGuard,
} from './resilience/subgraph-guard';

/** The deadline of the subgraph attempt under way, for the fetcher to end the request at. */
const attemptSignal = new AsyncLocalStorage<AbortSignal>();

/**
 * Wraps fetch so that every request to the subgraph `target` carries the gateway's signature over
 * the exact bytes and headers sent (the caller's token, purpose and request id among them), made
 * for that subgraph alone; subgraphs refuse anything unsigned, so they cannot be called around the
 * gateway, and a request for one cannot be replayed to another. While tracing is on, each attempt
 * is a client span whose W3C trace context (`traceparent`, `tracestate`) is sent and signed with
 * the rest, so a subgraph joins the caller's trace and no one on the way can move it to another.
 */
export function createSigningFetcher(
  keys: SigningKeys,
  target: string,
  fetchImpl: typeof fetch = fetch,
): Fetcher {
  return async (url, init) => {
    const method = init?.method ?? 'GET';
    return traceSubgraphCall(target, method, async () => {
      // Signed afresh on every call, so a retried attempt carries a nonce of its own.
      const headers = { ...((init?.headers ?? {}) as Record<string, string>) };
      const traceContext = traceContextHeaders();
      Object.assign(headers, traceContext);
      const body = typeof init?.body === 'string' ? init.body : '';
      const address = new URL(url);
      Object.assign(
        headers,
        signRequest(
          keys,
          { target, method, path: `${address.pathname}${address.search}`, body, headers },
          { extraHeaders: Object.keys(traceContext) },
        ),
      );
      return (await fetchImpl(url, {
        method: init?.method,
        body: init?.body as string | undefined,
        headers,
        signal: (init?.signal as AbortSignal | undefined) ?? attemptSignal.getStore(),
      })) as unknown as FetcherResponse;
    });
  };
}

/**
 * A fetch with connections of its own to one subgraph, kept open between requests (longer than
 * the global default of 4 s, shorter than the subgraphs' 65 s, so the gateway closes first and
 * never writes to a socket the subgraph has closed). `close` ends them at once (a hung subgraph
 * would hold a graceful close), so that a stopping gateway is not held open by them.
 */
export function createKeepAliveFetch(): { fetch: typeof fetch; close(): Promise<void> } {
  const dispatcher = new Agent({
    keepAliveTimeout: 30_000,
    keepAliveMaxTimeout: 60_000,
    connections: 128,
  });
  return {
    fetch: ((url: string, init: RequestInit) =>
      undiciFetch(url, { ...(init as object), dispatcher })) as unknown as typeof fetch,
    // Called once the gateway has answered its last request: nothing is left to wait for.
    close: () => dispatcher.destroy(),
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
 * request id, so that every subgraph can authorize and audit the request itself. With a `guard`,
 * every call runs under the subgraph's deadline and circuit breaker, queries are retried on
 * connection failures and 5xx, mutations never are; a part the agency could not give comes back
 * as a SubgraphCallError at its place in the answer, and the other agencies' parts still hold.
 */
export class JolDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  readonly guard?: SubgraphGuard;

  constructor({
    guard,
    ...config
  }: NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0]> & {
    guard?: SubgraphGuard;
  }) {
    super(config);
    this.guard = guard;
  }

  /**
   * Asks the subgraph once per distinct entity representation, and once for identical queries
   * of the same incoming request under way at the same time (see subgraph-calls.ts).
   */
  override async process(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
  ): Promise<Awaited<ReturnType<RemoteGraphQLDataSource['process']>>> {
    const { request, context } = options;
    const query = request.query ?? '';
    const retry = isSafeToRetry(query);
    const representations = dedupeRepresentations(request.variables);
    if (representations)
      request.variables = { ...request.variables, representations: representations.unique };
    const send = () => this.guarded(options, retry);
    const answer =
      retry && context
        ? await shareInFlight(
            context,
            JSON.stringify([this.url, query, request.variables ?? null, context.forwarded ?? null]),
            send,
          )
        : await send();
    return representations ? expandEntities(answer, representations) : answer;
  }

  private async guarded(
    options: GraphQLDataSourceProcessOptions<GatewayContext>,
    retry: boolean,
  ): Promise<Awaited<ReturnType<RemoteGraphQLDataSource['process']>>> {
    const guard = this.guard;
    if (!guard) return super.process(options);
    try {
      return await guard.call((signal) => attemptSignal.run(signal, () => super.process(options)), {
        retry,
      });
    } catch (error) {
      const path = 'pathInIncomingRequest' in options ? options.pathInIncomingRequest : undefined;
      if (error instanceof SubgraphCallError && path?.length)
        throw error.at(path.filter((key) => key !== '@'));
      throw error;
    }
  }
  /**
   * Sets the headers a subgraph judges and audits the request by: those of `context.forwarded`,
   * and the name the caller gave its operation (none for an anonymous one), since the document the
   * subgraph receives bears the query planner's name (`CaseWork42__pensions__1`) instead.
   */
  override willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const { request, context } = options;
    const headers = request.http?.headers;
    if (!headers || !context?.forwarded) return;
    for (const name of FORWARDED_HEADERS) {
      const value = context.forwarded[name];
      if (value !== undefined) headers.set(name, value);
    }
    const operationName =
      'incomingRequestContext' in options && !context.ownOperation
        ? options.incomingRequestContext.operation?.name?.value
        : undefined;
    if (operationName) headers.set(CALLER_OPERATION_NAME_HEADER, operationName);
  }

  /**
   * A subgraph answers 4xx with a GraphQL body for requests it refuses (a bad variable, a missing
   * signature). Pass its first error on as it was written for the client, without the subgraph's
   * URL or status line that the default error would carry.
   */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    // A failing agency, not a refusal: retried and counted by the guard, never shown as it is.
    if (this.guard && response.status >= 500) throw new SubgraphStatusError(response.status);
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
