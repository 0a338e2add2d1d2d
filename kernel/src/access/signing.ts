import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { ErrorCode } from '../errors';
import { TRACE_CONTEXT_HEADERS } from '../tracing/trace-context';

/** Headers that carry the gateway's signature to a subgraph. */
export const SIGNATURE_HEADERS = {
  keyId: 'x-jol-key-id',
  timestamp: 'x-jol-timestamp',
  nonce: 'x-jol-nonce',
  signedHeaders: 'x-jol-signed-headers',
  signature: 'x-jol-signature',
} as const;

/**
 * The request headers every signature must cover: a subgraph judges a request by the caller's
 * token, the purpose declared, the request id its audit records and the label the caller gave
 * it, so none may be swapped.
 * A signer may cover more (named in `x-jol-signed-headers`, e.g. `traceparent`); a verifier
 * refuses a signature that covers less, and a request carrying a trace context
 * (TRACE_CONTEXT_HEADERS) its signature does not cover.
 */
export const SIGNED_HEADERS = [
  'authorization',
  'x-purpose',
  'x-request-id',
  'x-caller-request-id',
] as const;

/**
 * The header by which the gateway passes on the name the caller gave its operation (absent for an
 * anonymous one): the audit stores it as the caller's label, so it is signed whenever it is sent
 * (signRequest covers it by itself), and a verifier refuses a request carrying it uncovered.
 */
export const CALLER_OPERATION_NAME_HEADER = 'x-caller-operation-name';

/** One signing key; its id travels with each signature so that keys can be rotated. */
export interface SigningKey {
  id: string;
  secret: string;
}

/** The keys of a deployment: the first signs, every one is accepted. */
export type SigningKeys = readonly [SigningKey, ...SigningKey[]];

/** The key id a lone secret (`JOL_SIGNING_SECRET`) is known by. */
export const DEFAULT_KEY_ID = 'default';

/** What a key id may be: it travels in every signed request, so it is never secret material. */
export const SIGNING_KEY_ID = /^[A-Za-z0-9._-]{1,64}$/;
/** The shortest secret a signing key may have. */
export const MIN_SIGNING_SECRET_LENGTH = 32;
const HEADER_NAME = /^[a-z0-9-]{1,64}$/;
const NONCE = /^[A-Za-z0-9_-]{16,128}$/;
/** Names the canonical form, so that a later form can never verify as this one. */
const CANONICAL_VERSION = 'jol-hmac-sha256-v2';

/**
 * Checks a key set: at least one key, ids unique and of `[A-Za-z0-9._-]{1,64}`, secrets of 32+
 * characters. The message names the offending key id, never a secret.
 */
export function signingKeys(keys: readonly SigningKey[]): SigningKeys {
  if (keys.length === 0) throw new Error('at least one signing key is needed');
  const seen = new Set<string>();
  for (const key of keys) {
    if (!SIGNING_KEY_ID.test(key.id))
      throw new Error(
        `a signing key id must be 1-64 characters of A-Z a-z 0-9 . _ -; got ${JSON.stringify(key.id.slice(0, 70))}`,
      );
    if (seen.has(key.id)) throw new Error(`the signing key id "${key.id}" is given twice`);
    if (key.secret.length < MIN_SIGNING_SECRET_LENGTH)
      throw new Error(`the signing key "${key.id}" must have a secret of at least 32 characters`);
    seen.add(key.id);
  }
  return keys as SigningKeys;
}

/** What a signature covers besides its own time, nonce and key id. */
export interface SignedRequest {
  /** The subgraph the request is for, by its name in the supergraph. */
  target: string;
  method: string;
  /** Path and query of the subgraph URL, e.g. /graphql. */
  path: string;
  body: string | Buffer;
  /** The request's headers, names in any case; absent and empty values are told apart. */
  headers: Readonly<Record<string, string | string[] | undefined>>;
}

interface SignatureParts {
  keyId: string;
  timestamp: string;
  nonce: string;
  signedHeaders: readonly string[];
}

/**
 * The string that is signed: a JSON array, so that no field can run into the next whatever it
 * holds, and a header that is absent (null) never equals one sent empty (""). Each covered header
 * is written with its name, so a signature over more headers cannot be read as one over fewer.
 */
function canonical(request: SignedRequest, parts: SignatureParts): string {
  const bodyDigest = createHash('sha256').update(request.body).digest('hex');
  return JSON.stringify([
    CANONICAL_VERSION,
    parts.keyId,
    request.target,
    request.method.toUpperCase(),
    request.path,
    bodyDigest,
    parts.timestamp,
    parts.nonce,
    parts.signedHeaders.map((name) => [name, headerValue(request.headers, name)]),
  ]);
}

/** A header's one value (null when absent); a header given twice in different cases is refused. */
function headerValue(
  headers: SignedRequest['headers'],
  name: string,
): string | null | typeof REPEATED {
  const values = Object.entries(headers).filter(
    ([key, value]) => key.toLowerCase() === name && value !== undefined,
  );
  if (values.length === 0) return null;
  const value = values[0]![1];
  if (values.length > 1 || typeof value !== 'string') return REPEATED;
  return value;
}
const REPEATED = Symbol('a header given more than once');

function hmac(secret: string, text: string): Buffer {
  return createHmac('sha256', secret).update(text).digest();
}

/**
 * Signs a gateway-to-subgraph request with the first key of the set: HMAC-SHA256 over the target
 * subgraph, method, path, body digest, time, a one-time nonce, the key id and the headers of
 * SIGNED_HEADERS (plus CALLER_OPERATION_NAME_HEADER when it is sent, and `extraHeaders`), as
 * they are in `request.headers`. Returns the headers to send with it.
 */
export function signRequest(
  keys: SigningKeys,
  request: SignedRequest,
  options: { now?: number; extraHeaders?: readonly string[] } = {},
): Record<string, string> {
  const key = keys[0];
  const sentOperationName = headerValue(request.headers, CALLER_OPERATION_NAME_HEADER) !== null;
  const signedHeaders = [
    ...new Set<string>([
      ...SIGNED_HEADERS,
      ...(sentOperationName ? [CALLER_OPERATION_NAME_HEADER] : []),
      ...(options.extraHeaders ?? []),
    ]),
  ];
  for (const name of signedHeaders)
    if (headerValue(request.headers, name) === REPEATED)
      throw new Error(`the header ${name} must have one value to be signed`);
  const parts: SignatureParts = {
    keyId: key.id,
    timestamp: String(options.now ?? Date.now()),
    nonce: randomUUID(),
    signedHeaders,
  };
  return {
    [SIGNATURE_HEADERS.keyId]: parts.keyId,
    [SIGNATURE_HEADERS.timestamp]: parts.timestamp,
    [SIGNATURE_HEADERS.nonce]: parts.nonce,
    [SIGNATURE_HEADERS.signedHeaders]: signedHeaders.join(';'),
    [SIGNATURE_HEADERS.signature]: hmac(key.secret, canonical(request, parts)).toString(
      'base64url',
    ),
  };
}

/**
 * Where used nonces are kept, shared by every replica of a subgraph. `claim` records the nonce
 * and answers true, or answers false when it was already recorded; it must do both in one atomic
 * step, or two replicas could each accept the same replay.
 */
export interface NonceStore {
  claim(nonce: string, keyId: string, expiresAt: Date): Promise<boolean>;
}

export interface SignatureVerifierOptions {
  /** The subgraph this verifier guards: signatures made for another one are refused. */
  audience: string;
  /** The keys accepted, by id. */
  keys: SigningKeys;
  nonces: NonceStore;
  /** How far a signature's time may be from this clock. @default 30000 */
  windowMs?: number;
}

export type SignatureCheck = { ok: true; keyId: string } | { ok: false; reason: string };

/** What a subgraph saw of a request, for the verifier. */
export interface ReceivedRequest {
  method: string;
  /** Path and query as received (`req.originalUrl`). */
  path: string;
  body: string | Buffer;
  headers: Readonly<Record<string, string | string[] | undefined>>;
}

/**
 * Verifies a subgraph request's signature and refuses replays: the time must be within the
 * window, the key id one of the set, the signature made for this subgraph over this request, and
 * the nonce not used before (claimed in the shared store only once the signature holds, so
 * unsigned traffic writes nothing). A nonce is kept for twice the window, which outlasts the time
 * check even on a replica whose clock lags by up to a window.
 */
export function createSignatureVerifier(options: SignatureVerifierOptions) {
  const windowMs = options.windowMs ?? 30_000;
  const keys = new Map(options.keys.map((key) => [key.id, key.secret]));
  return async (request: ReceivedRequest, now = Date.now()): Promise<SignatureCheck> => {
    const keyId = request.headers[SIGNATURE_HEADERS.keyId];
    const timestamp = request.headers[SIGNATURE_HEADERS.timestamp];
    const nonce = request.headers[SIGNATURE_HEADERS.nonce];
    const signedList = request.headers[SIGNATURE_HEADERS.signedHeaders];
    const signature = request.headers[SIGNATURE_HEADERS.signature];
    if (
      typeof keyId !== 'string' ||
      typeof timestamp !== 'string' ||
      typeof nonce !== 'string' ||
      typeof signedList !== 'string' ||
      typeof signature !== 'string'
    ) {
      return { ok: false, reason: 'unsigned request' };
    }
    const at = Number(timestamp);
    if (!/^\d{1,16}$/.test(timestamp) || Math.abs(now - at) > windowMs)
      return { ok: false, reason: 'signature outside the clock window' };
    const secret = keys.get(keyId);
    if (secret === undefined) return { ok: false, reason: 'unknown signing key id' };
    if (!NONCE.test(nonce)) return { ok: false, reason: 'malformed nonce' };
    const signedHeaders = signedList.split(';');
    if (
      new Set(signedHeaders).size !== signedHeaders.length ||
      !signedHeaders.every((name) => HEADER_NAME.test(name)) ||
      !SIGNED_HEADERS.every((name) => signedHeaders.includes(name))
    )
      return { ok: false, reason: 'the signature does not cover the required headers' };
    if (signedHeaders.some((name) => headerValue(request.headers, name) === REPEATED))
      return { ok: false, reason: 'a signed header was given more than once' };
    // Otherwise a trace context added on the way would tie the request to someone else's trace.
    if (
      TRACE_CONTEXT_HEADERS.some(
        (name) => !signedHeaders.includes(name) && headerValue(request.headers, name) !== null,
      )
    )
      return { ok: false, reason: 'the signature does not cover the trace context' };
    // Otherwise anyone on the way could put a name of their choosing in the caller's audit.
    if (
      !signedHeaders.includes(CALLER_OPERATION_NAME_HEADER) &&
      headerValue(request.headers, CALLER_OPERATION_NAME_HEADER) !== null
    )
      return { ok: false, reason: 'the signature does not cover the caller operation name' };
    const expected = hmac(
      secret,
      canonical(
        { ...request, target: options.audience },
        { keyId, timestamp, nonce, signedHeaders },
      ),
    );
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return { ok: false, reason: 'bad signature' };
    if (!(await options.nonces.claim(nonce, keyId, new Date(at + 2 * windowMs))))
      return { ok: false, reason: 'replayed signature' };
    return { ok: true, keyId };
  };
}

export type SignatureVerifier = ReturnType<typeof createSignatureVerifier>;

/**
 * Runs a verifier for an HTTP route: the check's outcome, or 503 answered (JSON, logged) when the
 * nonce store cannot be reached, since no replay can then be ruled out and the client may retry.
 */
export async function checkSignatureOrUnavailable(
  verify: SignatureVerifier,
  request: ReceivedRequest,
  res: { status(code: number): { json(body: unknown): unknown } },
  log: { error(details: object, message: string): void },
): Promise<SignatureCheck | null> {
  try {
    return await verify(request);
  } catch (error) {
    log.error({ err: error }, 'the signature nonce store could not be reached');
    res.status(503).json({
      errors: [
        {
          message: 'Signed requests cannot be checked right now; try again',
          extensions: { code: ErrorCode.SERVICE_UNAVAILABLE },
        },
      ],
    });
    return null;
  }
}
