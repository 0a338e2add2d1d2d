import type { ApolloServerPlugin } from '@apollo/server';
import type { ErrorRequestHandler, NextFunction, Request, RequestHandler, Response } from 'express';
import { Kind, parse } from 'graphql';
import { REFUSAL_AUDIT_PATH, REFUSAL_AUDIT_SUBGRAPH } from '@jol/schema';
import {
  CALLER_REQUEST_ID_HEADER,
  callerRequestIdFrom,
  clientErrorOf,
  isPurpose,
  parsePin,
  requestIdOf,
  sendError,
  signRequest,
  traceContextHeaders,
  type Caller,
  type Logger,
  type SigningKeys,
} from '@jol/kernel';
import type { PersistedOperation, PersistedQueryManifest } from './partner-operations/manifest';

/** The code of a refusal: the operation is not one the caller's institution registered. */
export const OPERATION_NOT_REGISTERED = 'OPERATION_NOT_REGISTERED';

/** The role held to registered operations. */
const PARTNER_ROLE = 'PARTNER';

/** What the gateway tells the audit about a refused partner request. */
export interface OperationRefusal {
  caller: Caller;
  requestId: string;
  /** The `X-Request-Id` the caller sent, kept as a label. */
  callerRequestId: string | null;
  purpose: string | null;
  authorization: string;
  /** The id the request named, or null for a free-form query or no id at all. */
  operationId: string | null;
  operationName: string | null;
  /** PINs found among the variables: the persons the request was about. */
  pins: string[];
}

export interface PersistedOperationsOptions {
  /** Each partner's manifest, by partner code (the token's `partner` claim). */
  manifests: ReadonlyMap<string, PersistedQueryManifest>;
  log: Logger;
  /** Records a refusal (awaited before the 403 leaves; a failure is logged, the refusal stands). */
  audit?: (refusal: OperationRefusal) => Promise<void>;
  /**
   * Reads the body of a request refused before its route read it (a purpose or rate refusal), so
   * that the audit names the persons it was about; a body it cannot read names no one.
   * @default none: such a refusal is audited with the persons of its query string only
   */
  readBody?: RequestHandler;
}

/** Answers a refusal of a verified caller's request; a partner's is audited first. */
export type CallerRefusal = (
  req: Request,
  res: Response,
  status: number,
  code: string,
  message: string,
) => Promise<void>;

type RequestBody = {
  query?: unknown;
  id?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } };
};

const SHA256_HEX = /^[0-9a-f]{64}$/;

const isPin = (value: string) => {
  try {
    parsePin(value);
    return true;
  } catch {
    return false;
  }
};

/** The operation id a request names: Apollo's APQ extension, or a top-level `id`. */
function requestedId(body: RequestBody): string | null {
  const hash = body.extensions?.persistedQuery?.sha256Hash ?? body.id;
  return typeof hash === 'string' && SHA256_HEX.test(hash) ? hash : null;
}

const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,99}$/;

/**
 * The operation a refused request named, or the name of the first operation in its query; null
 * when there is none or it is not a GraphQL name (the audit stores nothing else).
 */
function requestedName(body: RequestBody): string | null {
  let name: unknown = body.operationName;
  if (name === undefined && typeof body.query === 'string' && body.query.length <= 100_000) {
    try {
      const operation = parse(body.query).definitions.find(
        (d) => d.kind === Kind.OPERATION_DEFINITION,
      );
      name = operation?.kind === Kind.OPERATION_DEFINITION ? operation.name?.value : undefined;
    } catch {
      name = undefined;
    }
  }
  return typeof name === 'string' && OPERATION_NAME.test(name) ? name : null;
}

/** PIN-shaped strings among the variables (at most 20), for the audit of a refused request. */
export function pinsIn(value: unknown, found = new Set<string>(), depth = 0): string[] {
  if (found.size >= 20 || depth > 6) return [...found];
  if (typeof value === 'string') {
    if (isPin(value)) found.add(value);
  } else if (Array.isArray(value)) {
    for (const item of value) pinsIn(item, found, depth + 1);
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) pinsIn(item, found, depth + 1);
  }
  return [...found];
}

/** A JSON text's value, or undefined when it is not JSON (a malformed parameter names no one). */
function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A JSON query-string parameter as a body field would be; a repeated one, each of its values. */
function jsonParameter(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(jsonParameter);
  return typeof value === 'string' ? parsedJson(value) : value;
}

/**
 * Every operation a refused request carried, in each form a client may send one: a JSON object
 * body, each object of a JSON array body (a batch), and the query string of a GET (`variables`
 * and `extensions` as URL-encoded JSON). A body still raw is one the JSON parser refused (a batch,
 * another media type) and is read once more, for the audit's sake; what is not JSON names no one.
 */
export function requestedOperations(req: Pick<Request, 'body' | 'query'>): RequestBody[] {
  let body: unknown = req.body;
  if (Buffer.isBuffer(body)) {
    let text: string | undefined;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      text = undefined;
    }
    body = text === undefined ? undefined : parsedJson(text);
  }
  const isObject = (value: unknown): value is RequestBody =>
    !!value && typeof value === 'object' && !Array.isArray(value);
  const operations = (Array.isArray(body) ? body : [body]).filter(isObject);
  const query: Record<string, unknown> = isObject(req.query) ? req.query : {};
  if (Object.keys(query).length > 0) {
    operations.push({
      query: query.query,
      id: query.id,
      operationName: query.operationName,
      variables: jsonParameter(query.variables),
      extensions: jsonParameter(query.extensions) as RequestBody['extensions'],
    });
  }
  return operations;
}

/** The first of the operations' answers that is not null. */
const firstOf = <T>(operations: RequestBody[], read: (body: RequestBody) => T | null): T | null =>
  operations.map(read).find((value) => value !== null) ?? null;

/**
 * Sends a refusal of `caller`'s request to the audit, naming the persons of every operation it
 * carried (see requestedOperations); a failure is logged, the refusal stands.
 */
async function auditRefusal(
  options: PersistedOperationsOptions,
  caller: Caller,
  req: Request,
  res: Response,
): Promise<void> {
  const purpose = req.headers['x-purpose'];
  const operations = requestedOperations(req);
  const pins = new Set<string>();
  for (const operation of operations) pinsIn(operation.variables, pins);
  await options
    .audit?.({
      caller,
      requestId: requestIdOf(res),
      callerRequestId: callerRequestIdFrom(req.headers['x-request-id']),
      // A purpose no register declares is the caller's free text: the audit keeps none of it.
      purpose: typeof purpose === 'string' && isPurpose(purpose) ? purpose : null,
      authorization: req.headers.authorization ?? '',
      // A registered operation the gate let through was replaced by its document: its id is kept.
      operationId:
        firstOf(operations, requestedId) ??
        (res.locals.registeredOperationId as string | undefined) ??
        null,
      operationName: firstOf(operations, requestedName),
      pins: [...pins],
    })
    .catch((error) =>
      options.log.error({ err: error }, 'a refused partner request was not audited'),
    );
}

/** Runs `read` on a request whose body is unread; its failure leaves the body unread. */
function readUnreadBody(read: RequestHandler, req: Request, res: Response): Promise<void> {
  if (req.body !== undefined || req.method === 'GET' || req.method === 'HEAD') {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    try {
      void read(req, res, () => resolve());
    } catch {
      resolve();
    }
  });
}

/**
 * The one way the gateway refuses a verified caller before GraphQL runs (an X-Purpose its roles
 * may not declare, its rate limit, an unregistered operation): a partner's refusal, whatever its
 * reason, is written to the refusal audit with the persons the request named (its body read for
 * that when no route read it yet), then answered with the typed error. Other callers are
 * answered as they are; the access line names every caller, as `res.locals.caller` holds it.
 */
export function createCallerRefusal(options: PersistedOperationsOptions): CallerRefusal {
  const audit = createPartnerRefusalAudit(options);
  return async (req, res, status, code, message) => {
    await audit(req, res);
    sendError(res, status, code, message);
  };
}

/**
 * Writes a request's refusal to the refusal audit when its caller is a partner (its body read
 * first when no route read it yet); nothing for another caller. The one audit of every partner
 * refusal: createCallerRefusal's, the body errors' (createPartnerErrorAuditor) and those GraphQL
 * answers before running anything (refusedOperationAudit).
 */
export function createPartnerRefusalAudit(
  options: PersistedOperationsOptions,
): (req: Request, res: Response) => Promise<void> {
  return async (req, res) => {
    const caller = res.locals.caller as Caller | undefined;
    if (!caller?.roles.includes(PARTNER_ROLE)) return;
    if (options.readBody) await readUnreadBody(options.readBody, req, res);
    await auditRefusal(options, caller, req, res);
  };
}

/**
 * A request GraphQL refused before running it (a document over the limits, variables that do not
 * coerce or nest too deep, a guard's refusal) reached no subgraph, so none audited
 * it: `refused`, the context's (set for /graphql from createPartnerRefusalAudit), writes it to the
 * refusal audit when its caller is a partner, before the answer leaves.
 */
export function refusedOperationAudit<
  T extends { refused?: () => Promise<void> },
>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (data === undefined && errors?.length) await contextValue.refused?.();
        },
      };
    },
  };
}

/**
 * Partner institutions run only the operations registered for them (their committed manifest),
 * by id. A request with a `query`, without an id, or with an id not in the caller's own manifest
 * (another partner's included) is refused with 403 and `OPERATION_NOT_REGISTERED` before any
 * planning, and audited; a registered one has its body replaced by the registered document. Mount
 * after the token check and the JSON parser; other roles pass untouched.
 */
export function createPersistedOperationsGate(options: PersistedOperationsOptions) {
  const byPartner = new Map<string, Map<string, PersistedOperation>>();
  for (const [partner, manifest] of options.manifests) {
    byPartner.set(partner, new Map(manifest.operations.map((op) => [op.id, op])));
  }
  const refuse = createCallerRefusal(options);
  return async (req: Request, res: Response, next: NextFunction) => {
    const caller = res.locals.caller as Caller | undefined;
    if (!caller?.roles.includes(PARTNER_ROLE)) {
      next();
      return;
    }
    const body: RequestBody =
      req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? req.body : {};
    const id = requestedId(body);
    const registered = id ? byPartner.get(caller.partner ?? '')?.get(id) : undefined;
    if (req.method === 'POST' && body.query === undefined && registered) {
      res.locals.registeredOperationId = registered.id;
      req.body = {
        query: registered.body,
        operationName: registered.name,
        variables: body.variables ?? {},
      };
      next();
      return;
    }
    const message =
      req.method !== 'POST'
        ? 'Partner institutions POST the id of a registered operation'
        : body.query !== undefined
          ? 'Partner institutions may not send a query: send the id of an operation registered for your institution'
          : id
            ? `Operation ${id} is not registered for ${caller.partner ?? 'a token without a partner claim'}`
            : 'Send the id of an operation registered for your institution (extensions.persistedQuery.sha256Hash or id)';
    await refuse(req, res, 403, OPERATION_NOT_REGISTERED, message);
  };
}

/**
 * A partner's request whose body could not be read (not JSON, too large, another media type or
 * encoding) never reaches the gate, but it is refused all the same: audited like an unregistered
 * operation, then answered with its own typed 4xx by the app's JSON error handler. Mount as the
 * error handler of the route the gate guards.
 */
export function createPartnerErrorAuditor(
  options: PersistedOperationsOptions,
): ErrorRequestHandler {
  const audit = createPartnerRefusalAudit({ ...options, readBody: undefined });
  return async (error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (clientErrorOf(error)) await audit(req, res);
    next(error);
  };
}

/**
 * Sends a refusal to the audit of the subgraph that declares the refusal route
 * (REFUSAL_AUDIT_SUBGRAPH: the agency that owns the exchange and its trail), signed like any
 * subgraph request and carrying the caller's own token.
 */
export function createRefusalAuditor(options: {
  /** That subgraph's GraphQL URL, once the gateway knows it. */
  subgraphUrl: () => string | undefined;
  signingKeys: SigningKeys;
  /** Longest the report may take; the partner's 403 waits for it. @default 3000 */
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}) {
  const fetchImpl = options.fetchImpl ?? fetch;
  return async (refusal: OperationRefusal): Promise<void> => {
    const graphqlUrl = options.subgraphUrl();
    if (!graphqlUrl) throw new Error(`the ${REFUSAL_AUDIT_SUBGRAPH} subgraph URL is not known yet`);
    const url = new URL(REFUSAL_AUDIT_PATH, graphqlUrl);
    const body = JSON.stringify({
      operationId: refusal.operationId,
      operationName: refusal.operationName,
      pins: refusal.pins,
    });
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      authorization: refusal.authorization,
      'x-request-id': refusal.requestId,
    };
    if (refusal.purpose) headers['x-purpose'] = refusal.purpose;
    if (refusal.callerRequestId) headers[CALLER_REQUEST_ID_HEADER] = refusal.callerRequestId;
    // The refusal's trace context, signed like the rest (see createSigningFetcher).
    const traceContext = traceContextHeaders();
    Object.assign(headers, traceContext);
    Object.assign(
      headers,
      signRequest(
        options.signingKeys,
        { target: REFUSAL_AUDIT_SUBGRAPH, method: 'POST', path: url.pathname, body, headers },
        { extraHeaders: Object.keys(traceContext) },
      ),
    );
    const response = await fetchImpl(url, {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.timeout(options.timeoutMs ?? 3000),
    });
    if (!response.ok) throw new Error(`the refusal audit answered ${response.status}`);
  };
}
