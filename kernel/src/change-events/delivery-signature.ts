import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * How a delivery is signed, and how a subscriber checks it: HMAC-SHA256 with the subscription's
 * secret over `<timestamp>.<body>`, the timestamp in Unix seconds, sent as
 * `Jol-Signature: t=<timestamp>,v1=<hex>`. A subscriber recomputes the HMAC over the raw body it
 * received, compares in constant time, refuses a timestamp older than its tolerance (five minutes
 * is usual) and drops a `Jol-Event-Id` it has already processed (deliveries are at least once).
 */
export const SIGNATURE_HEADER = 'jol-signature';
export const EVENT_ID_HEADER = 'jol-event-id';

/** A fresh subscription secret: 32 random bytes, base64url. */
export function newSubscriptionSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

export function signDelivery(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

/**
 * The subscriber's check, as documented: true when `header` carries a v1 HMAC of `body` under
 * `secret` and its timestamp is within `toleranceSeconds` of `nowSeconds`.
 */
export function verifyDeliverySignature(
  secret: string,
  header: string | undefined,
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  if (!header) return false;
  const parts = new Map(
    header.split(',').map((part) => {
      const at = part.indexOf('=');
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const;
    }),
  );
  const timestamp = Number(parts.get('t'));
  const given = parts.get('v1');
  if (!Number.isSafeInteger(timestamp) || !given || !/^[0-9a-f]{64}$/.test(given)) return false;
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest();
  return timingSafeEqual(expected, Buffer.from(given, 'hex'));
}
