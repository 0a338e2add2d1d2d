import type { GraphQLFormattedError } from 'graphql';

export interface GraphQLResponse<TData> {
  status: number;
  headers: Headers;
  data?: TData | null;
  errors?: GraphQLFormattedError[];
}

export interface ClientOptions {
  token?: string;
  purpose?: string;
  requestId?: string;
  headers?: Record<string, string>;
  /** The operation to run when the document holds several. */
  operationName?: string;
}

/** A minimal HTTP GraphQL client, as an agency system would call the gateway. */
export function createGraphQLClient(url: string, defaults: ClientOptions = {}) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- callers narrow the data they asked for
  return async function request<TData = any>(
    query: string,
    variables: Record<string, unknown> = {},
    options: ClientOptions = {},
  ): Promise<GraphQLResponse<TData>> {
    const merged = { ...defaults, ...options };
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      ...merged.headers,
    };
    if (merged.token) headers.authorization = `Bearer ${merged.token}`;
    if (merged.purpose) headers['x-purpose'] = merged.purpose;
    if (merged.requestId) headers['x-request-id'] = merged.requestId;
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables, operationName: merged.operationName }),
    });
    const text = await response.text();
    let body: { data?: TData | null; errors?: GraphQLFormattedError[] } = {};
    try {
      body = JSON.parse(text);
    } catch {
      body = { errors: [{ message: text }] };
    }
    return { status: response.status, headers: response.headers, ...body };
  };
}

/** A GraphQL answer read straight from a `fetch` response, for specs that inspect raw HTTP. */
export interface RawGraphQLBody {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- specs narrow the data they asked for
  data?: any;
  errors: { message: string; extensions: { code: string; [key: string]: unknown } }[];
}

/** The JSON body of a GraphQL HTTP response. */
export const readGraphQL = async (response: Response): Promise<RawGraphQLBody> =>
  (await response.json()) as RawGraphQLBody;
