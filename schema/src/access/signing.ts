import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';

/** Headers that carry the gateway's signature to a subgraph. */
export const SIGNATURE_HEADERS = {
  timestamp: 'x-jol-timestamp',
  nonce: 'x-jol-nonce',
  signature: 'x-jol-signature',
} as const;

export interface SignedRequest {
  method: string;
  /** Path of the subgraph URL, e.g. /graphql. */
  path: string;
  body: string | Buffer;
  requestId: string;
}

function canonical(request: SignedRequest, timestamp: string, nonce: string): string {
  const bodyDigest = createHash('sha256').update(request.body).digest('hex');
  return [
    request.method.toUpperCase(),
    request.path,
    bodyDigest,
    timestamp,
    nonce,
    request.requestId,
  ].join('\n');
}

/**
 * Signs a gateway-to-subgraph request: HMAC-SHA256 over method, path, body digest, time, a
 * one-time nonce and the request id, with the deployment's shared secret.
 */
export function signRequest(
  secret: string,
  request: SignedRequest,
  now = Date.now(),
): Record<string, string> {
  const timestamp = String(now);
  const nonce = randomUUID();
  const signature = createHmac('sha256', secret)
    .update(canonical(request, timestamp, nonce))
    .digest('base64url');
  return {
    [SIGNATURE_HEADERS.timestamp]: timestamp,
    [SIGNATURE_HEADERS.nonce]: nonce,
    [SIGNATURE_HEADERS.signature]: signature,
  };
}

export interface SignatureVerifierOptions {
  secret: string;
  /** How far a signature's time may be from this clock. @default 30000 */
  windowMs?: number;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: string };

/**
 * Verifies signatures and refuses replays: a nonce seen within the window is refused, and nonces
 * are forgotten once their time has left the window (so memory stays bounded by traffic).
 */
export function createSignatureVerifier(options: SignatureVerifierOptions) {
  const windowMs = options.windowMs ?? 30_000;
  const seen = new Map<string, number>();
  const forgetOld = (now: number) => {
    for (const [nonce, at] of seen) {
      if (Math.abs(now - at) <= windowMs) break;
      seen.delete(nonce);
    }
  };
  return (
    request: SignedRequest,
    headers: Record<string, string | string[] | undefined>,
    now = Date.now(),
  ): SignatureCheck => {
    const timestamp = headers[SIGNATURE_HEADERS.timestamp];
    const nonce = headers[SIGNATURE_HEADERS.nonce];
    const signature = headers[SIGNATURE_HEADERS.signature];
    if (
      typeof timestamp !== 'string' ||
      typeof nonce !== 'string' ||
      typeof signature !== 'string'
    ) {
      return { ok: false, reason: 'unsigned request' };
    }
    const at = Number(timestamp);
    if (!Number.isSafeInteger(at) || Math.abs(now - at) > windowMs)
      return { ok: false, reason: 'signature outside the clock window' };
    const expected = createHmac('sha256', options.secret)
      .update(canonical(request, timestamp, nonce))
      .digest();
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return { ok: false, reason: 'bad signature' };
    forgetOld(now);
    if (seen.has(nonce)) return { ok: false, reason: 'replayed signature' };
    seen.set(nonce, at);
    return { ok: true };
  };
}
