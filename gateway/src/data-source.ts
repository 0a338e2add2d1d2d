import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayContext } from './context';

/** Headers a subgraph needs to judge a request on its own; nothing else is forwarded. */
export const FORWARDED_HEADERS = ['authorization', 'x-purpose', 'x-request-id'] as const;

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
}
