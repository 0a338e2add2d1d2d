import { isServiceRole, signRequest } from '@jol/kernel';
import { createGraphQLClient, signingKeysOf, type GraphQLResponse } from '@jol/tools';
import type { TestSystem } from '../system/test-system';
import type { MatrixCaller } from './policy-expectations';

/**
 * Sends one request of the policy matrix as `caller` (with its purpose, or the one given; null for
 * none): through the gateway, or, when `graph` names a subgraph, straight to it, signed as the
 * gateway signs. Every request carries its own request id.
 */
export type MatrixSender = (
  caller: MatrixCaller,
  query: string,
  variables: Record<string, unknown>,
  graph?: string,
  purpose?: string | null,
) => Promise<GraphQLResponse<unknown>>;

export function createMatrixSender(jol: TestSystem): MatrixSender {
  const tokens = new Map<string, string>();
  let sequence = 0;
  // A service token lives a minute, less than the matrix runs: it is minted for every request.
  const tokenOf = async (caller: MatrixCaller) => {
    let token = tokens.get(caller.label);
    if (!token) {
      token = await jol.token(caller.role, caller.claims);
      if (!isServiceRole(caller.role)) tokens.set(caller.label, token);
    }
    return token;
  };

  return async function send(
    caller: MatrixCaller,
    query: string,
    variables: Record<string, unknown>,
    graph?: string,
    purpose: string | null = caller.purpose,
  ): Promise<GraphQLResponse<unknown>> {
    const token = await tokenOf(caller);
    const requestId = `policy-matrix-${++sequence}`;
    if (!graph) {
      const client = createGraphQLClient(jol.graphqlUrl, {
        token,
        ...(purpose === null ? {} : { purpose }),
        requestId,
      });
      return client(query, variables);
    }
    const url = jol.system.subgraphUrls[graph]!;
    const body = JSON.stringify({ query, variables });
    const sent = {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      ...(purpose === null ? {} : { 'x-purpose': purpose }),
      'x-request-id': requestId,
    };
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        ...sent,
        ...signRequest(signingKeysOf(jol.keys), {
          target: graph,
          method: 'POST',
          path: new URL(url).pathname,
          body,
          headers: sent,
        }),
      },
      body,
    });
    const text = await response.text();
    try {
      return { status: response.status, headers: response.headers, ...JSON.parse(text) };
    } catch {
      return { status: response.status, headers: response.headers, errors: [{ message: text }] };
    }
  };
}

/** Runs `work` over `items`, at most `size` at once, keeping the order of the results. */
export async function pool<T, R>(
  items: T[],
  size: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(size, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]!);
      }
    }),
  );
  return results;
}
