import { trace } from '@opentelemetry/api';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Request, RequestHandler, Response } from 'express';
import type { Caller } from './context';
import { requestIdFrom } from './context';
import type { Logger } from './logger';

/** What a request's access line says beyond HTTP: filled while the request is answered. */
export interface AccessLine {
  operationName: string | null;
  /** The `extensions.code` of every error answered, in order, without repeats. */
  errorCodes: string[];
}

/**
 * Where a context holds its request's access line: a symbol, so that it is no field any resolver
 * sees by name, and copied along when Apollo Server clones the context for an operation.
 */
const ACCESS_LINE = Symbol('jol.accessLine');

const lineOf = (context: object): AccessLine | undefined =>
  (context as { [ACCESS_LINE]?: AccessLine })[ACCESS_LINE];

/** Longest client-chosen text (operation name, purpose) copied into a log line. */
const MAX_LOGGED_TEXT = 100;

const clip = (value: unknown): string | null =>
  typeof value === 'string' && value !== '' ? value.slice(0, MAX_LOGGED_TEXT) : null;

function noteCodes(line: AccessLine, errors: unknown): void {
  if (!Array.isArray(errors)) return;
  for (const error of errors) {
    const code = clip((error as { extensions?: { code?: unknown } } | null)?.extensions?.code);
    if (code && !line.errorCodes.includes(code)) line.errorCodes.push(code);
  }
}

/** The request id the access log settled for this response (the X-Request-Id it answers with). */
export function requestIdOf(res: Response): string {
  return String(res.locals.requestId ?? '');
}

/** Ties a GraphQL context to its HTTP request's access line, for `createAccessLinePlugin`. */
export function bindAccessLine(context: object, res: Response): void {
  const line = res.locals.accessLine as AccessLine | undefined;
  if (line) (context as { [ACCESS_LINE]?: AccessLine })[ACCESS_LINE] = line;
}

/** Copies the operation name and the error codes of each GraphQL answer into its access line. */
export function createAccessLinePlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operationName, request, response }) {
          const line = lineOf(contextValue);
          if (!line) return;
          line.operationName = clip(operationName ?? request.operationName) ?? line.operationName;
          if (response.body.kind === 'single') noteCodes(line, response.body.singleResult.errors);
        },
      };
    },
  };
}

/**
 * One access line per request, once its answer is sent (or the client went away): the request id
 * (a well-formed X-Request-Id, else a fresh one, echoed back), method, path without its query,
 * the caller's `sub`, roles and purpose, the operation name, the HTTP status, the error codes
 * answered and the duration. Headers, bodies and query strings are never logged: they carry
 * tokens, signatures and PINs. Mount first.
 */
export function createAccessLog(
  log: Logger,
  options: {
    /** Requests not worth a line (liveness and readiness probes). @default none */
    ignore?: (path: string) => boolean;
    /**
     * The id the request is known by. @default a well-formed X-Request-Id (the gateway's, behind
     * its signature), else a fresh one; the gateway always names requests itself.
     */
    assignRequestId?: (req: Request) => string;
  } = {},
): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    const requestId = options.assignRequestId
      ? options.assignRequestId(req)
      : requestIdFrom(req.headers['x-request-id']);
    const line: AccessLine = { operationName: null, errorCodes: [] };
    res.locals.requestId = requestId;
    res.locals.accessLine = line;
    res.setHeader('X-Request-Id', requestId);
    // The request's span (while tracing is on) is found by its id, and its line names the trace.
    const span = trace.getActiveSpan();
    span?.setAttribute('jol.request_id', requestId);
    const traceId = span?.isRecording() ? span.spanContext().traceId : undefined;
    // Error bodies written straight to HTTP (refusals, body errors) carry their codes here.
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      if (res.statusCode >= 400 && line.errorCodes.length === 0) {
        const text = Buffer.isBuffer(body) ? body.toString('utf8') : body;
        if (typeof text === 'string' && text.length <= 65_536) {
          try {
            noteCodes(line, (JSON.parse(text) as { errors?: unknown }).errors);
          } catch {
            // not a JSON body: the status says enough
          }
        }
      }
      return send(body);
    };
    const path = req.path;
    if (options.ignore?.(path)) {
      next();
      return;
    }
    let logged = false;
    const write = () => {
      if (logged) return;
      logged = true;
      const caller = res.locals.caller as Caller | null | undefined;
      const status = res.statusCode;
      const entry = {
        requestId,
        ...(traceId ? { traceId } : {}),
        method: req.method,
        path,
        status,
        ...(res.writableFinished ? {} : { aborted: true }),
        durationMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        sub: caller?.sub ?? null,
        roles: caller?.roles ?? [],
        purpose: clip(req.headers['x-purpose']),
        operationName: line.operationName,
        errorCodes: line.errorCodes,
      };
      if (status >= 500) log.error(entry, 'access');
      else if (status >= 400) log.warn(entry, 'access');
      else log.info(entry, 'access');
    };
    res.once('finish', write);
    res.once('close', write);
    next();
  };
}
