import express, {
  type ErrorRequestHandler,
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
import { GraphQLError } from 'graphql';
import { ErrorCode } from './errors';
import type { Logger } from './logger';

/** Codes of the errors the HTTP layer answers before any GraphQL runs. */
export const HttpErrorCode = {
  BAD_REQUEST: 'BAD_REQUEST',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  REQUEST_HEADER_FIELDS_TOO_LARGE: 'REQUEST_HEADER_FIELDS_TOO_LARGE',
  REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  NOT_FOUND: 'NOT_FOUND',
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
} as const;

/** An error the HTTP layer raises on purpose: its status, code and message go to the client. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Sends the one error shape every Jol endpoint uses: `{ errors: [{ message, extensions: { code } }] }`. */
export function sendError(res: Response, status: number, code: string, message: string): void {
  res
    .status(status)
    .setHeader('Cache-Control', 'no-store')
    .json({ errors: [{ message, extensions: { code } }] });
}

/** Seconds a client is asked to wait when the identity provider's keys cannot be fetched. */
export const TOKEN_CHECK_RETRY_AFTER_SECONDS = 30;

/**
 * Answers a request whose token could not be accepted: 401 with the verifier's message when the
 * token is at fault, 503 (Retry-After) when it could not be checked at all (the identity provider's
 * keys are out of reach). Only a GraphQLError's own message and code reach the client.
 */
export function sendTokenRefusal(res: Response, error: unknown): void {
  const extensions = error instanceof GraphQLError ? error.extensions : undefined;
  const status = (extensions?.http as { status?: unknown } | undefined)?.status;
  if (status === 503 && extensions?.code === ErrorCode.SERVICE_UNAVAILABLE) {
    res.setHeader('Retry-After', String(TOKEN_CHECK_RETRY_AFTER_SECONDS));
    sendError(res, 503, ErrorCode.SERVICE_UNAVAILABLE, (error as GraphQLError).message);
    return;
  }
  sendError(
    res,
    401,
    ErrorCode.UNAUTHENTICATED,
    error instanceof GraphQLError ? error.message : 'The token is not valid',
  );
}

/** What body-parser and raw-body put on the errors they raise (`type` names the failure). */
interface BodyReadError {
  status?: unknown;
  statusCode?: unknown;
  type?: unknown;
}

/**
 * The client-facing meaning of an error raised while answering: our own HttpError as it is, a
 * body-reading failure by its type (never its message, which names the library), anything else
 * null (a server fault).
 */
export function clientErrorOf(error: unknown): HttpError | null {
  if (error instanceof HttpError) return error;
  if (!error || typeof error !== 'object') return null;
  const { status, statusCode, type } = error as BodyReadError;
  const code = typeof status === 'number' ? status : statusCode;
  if (typeof code !== 'number' || code < 400 || code >= 500) return null;
  switch (type) {
    case 'entity.too.large':
      return new HttpError(
        413,
        HttpErrorCode.PAYLOAD_TOO_LARGE,
        'The request body is larger than this endpoint accepts',
      );
    case 'encoding.unsupported':
      return new HttpError(
        415,
        HttpErrorCode.UNSUPPORTED_MEDIA_TYPE,
        'The Content-Encoding is not supported: send identity, gzip, deflate or br',
      );
    case 'charset.unsupported':
      return new HttpError(
        415,
        HttpErrorCode.UNSUPPORTED_MEDIA_TYPE,
        'The body must be encoded as utf-8',
      );
    case 'request.aborted':
      return new HttpError(400, HttpErrorCode.BAD_REQUEST, 'The request body was not sent in full');
    case 'request.size.invalid':
      return new HttpError(
        400,
        HttpErrorCode.BAD_REQUEST,
        'The request body does not match its Content-Length',
      );
    default:
      // A zlib failure (a body that is not the encoding it claims) or a URI that does not decode.
      return new HttpError(400, HttpErrorCode.BAD_REQUEST, 'The request could not be read');
  }
}

/**
 * The last handler of every app: a client error gets its typed 4xx, anything else is logged and
 * answered with a bare 500. No message of a library, stack or path reaches the client.
 */
export function createJsonErrorHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const client = clientErrorOf(error);
    if (!client) log.error({ err: error }, 'unexpected error answering a request');
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (client) sendError(res, client.status, client.code, client.message);
    else sendError(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error');
  };
}

/** The answer for a path no route serves. */
export const notFoundHandler: RequestHandler = (_req, res) => {
  sendError(res, 404, HttpErrorCode.NOT_FOUND, 'No resource at this path');
};

/** The answer for a known path asked with a method it does not serve; `Allow` lists those it does. */
export function methodNotAllowed(...allowed: string[]): RequestHandler {
  return (req, res) => {
    res.setHeader('Allow', allowed.join(', '));
    sendError(
      res,
      405,
      HttpErrorCode.METHOD_NOT_ALLOWED,
      `${req.method} is not allowed here; use ${allowed.join(' or ')}`,
    );
  };
}

const JSON_MEDIA_TYPE = /^application\/json$/i;

/**
 * Reads a request body as raw bytes, at most `limit` of them (decoded, when `inflate` allows a
 * Content-Encoding): a longer body fails with 413 before the rest is read. `req.body` is the
 * Buffer, or undefined when the request has none.
 */
export function readRawBody(options: {
  /** Largest body read. */
  limit: string | number;
  /** Whether gzip, deflate and br bodies are decoded; otherwise any Content-Encoding is 415. */
  inflate: boolean;
}): RequestHandler {
  const read = express.raw({ type: () => true, limit: options.limit, inflate: options.inflate });
  return (req, res, next) => {
    read(req, res, (error?: unknown) => {
      if (error) {
        next(error);
        return;
      }
      if (!Buffer.isBuffer(req.body)) req.body = undefined;
      next();
    });
  };
}

/**
 * Turns the raw body `readRawBody` left into the request's JSON object: the media type must be
 * application/json (415), the charset utf-8 or unstated (415), the bytes valid utf-8 and the text
 * a JSON object (400). A request without a body, a GET, keeps `req.body` undefined.
 */
export const parseJsonBody: RequestHandler = (req, _res, next) => {
  const raw: unknown = req.body;
  if (!Buffer.isBuffer(raw)) {
    req.body = undefined;
    next();
    return;
  }
  const [mediaType = '', ...parameters] = (req.headers['content-type'] ?? '').split(';');
  if (!JSON_MEDIA_TYPE.test(mediaType.trim())) {
    next(
      new HttpError(
        415,
        HttpErrorCode.UNSUPPORTED_MEDIA_TYPE,
        'The body must be application/json (Content-Type: application/json)',
      ),
    );
    return;
  }
  for (const parameter of parameters) {
    const [name = '', value = ''] = parameter.split('=').map((s) => s.trim().toLowerCase());
    if (name === 'charset' && value.replace(/^"|"$/g, '') !== 'utf-8') {
      next(
        new HttpError(
          415,
          HttpErrorCode.UNSUPPORTED_MEDIA_TYPE,
          'The body must be encoded as utf-8',
        ),
      );
      return;
    }
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch {
    next(new HttpError(400, HttpErrorCode.BAD_REQUEST, 'The body is not valid utf-8 JSON'));
    return;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    next(
      new HttpError(
        400,
        HttpErrorCode.BAD_REQUEST,
        'The body must be one JSON object, e.g. {"query": "..."}',
      ),
    );
    return;
  }
  req.body = parsed;
  next();
};

/** Media types a cross-site form or link can send without the browser asking first. */
const SIMPLE_MEDIA_TYPES = new Set([
  '',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'text/plain',
]);

/** The headers of which a request without a JSON body must carry one, not empty. */
export const PREFLIGHT_HEADERS = ['apollo-require-preflight', 'x-apollo-operation-name'] as const;

/**
 * Cross-site request protection, answered in Jol's words before the GraphQL server sees the
 * request: a request a browser would send cross-site without a preflight (a GET, or no JSON
 * Content-Type) must carry a header such a request cannot set. The GraphQL server's own check
 * stays on behind it.
 */
export const requirePreflight: RequestHandler = (req, res, next) => {
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const carried = PREFLIGHT_HEADERS.some((name) => {
    const value = req.headers[name];
    return typeof value === 'string' && value.length > 0;
  });
  if (SIMPLE_MEDIA_TYPES.has(mediaType) && !carried) {
    const what =
      req.method === 'POST'
        ? 'request without Content-Type: application/json'
        : `${req.method} request`;
    sendError(
      res,
      400,
      HttpErrorCode.BAD_REQUEST,
      `A ${what} must carry the header ${PREFLIGHT_HEADERS.join(' or ')} (protection against cross-site requests)`,
    );
    return;
  }
  next();
};
