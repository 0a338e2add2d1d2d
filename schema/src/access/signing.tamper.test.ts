import { createHash, createHmac } from 'node:crypto';
import {
  CALLER_OPERATION_NAME_HEADER,
  checkSignatureOrUnavailable,
  createSignatureVerifier,
  MIN_SIGNING_SECRET_LENGTH,
  SIGNATURE_HEADERS,
  SIGNED_HEADERS,
  signingKeys,
  signRequest,
  type NonceStore,
  type ReceivedRequest,
  type SignedRequest,
} from './signing';

/**
 * The signature's format written out here, apart from signing.ts: a request signed by this helper
 * must verify, so the verifier's checks can be attacked one at a time with requests whose
 * signature is otherwise valid (a timestamp, nonce or header list the gateway would never send).
 */
function goldenSignature(
  secret: string,
  request: SignedRequest,
  parts: { keyId: string; timestamp: string; nonce: string; signedHeaders: readonly string[] },
): string {
  const value = (name: string) => {
    const found = Object.entries(request.headers).find(([key]) => key.toLowerCase() === name);
    return found?.[1] ?? null;
  };
  const text = JSON.stringify([
    'jol-hmac-sha256-v2',
    parts.keyId,
    request.target,
    request.method.toUpperCase(),
    request.path,
    createHash('sha256').update(request.body).digest('hex'),
    parts.timestamp,
    parts.nonce,
    parts.signedHeaders.map((name) => [name, value(name)]),
  ]);
  return createHmac('sha256', secret).update(text).digest('base64url');
}

const KEY = { id: 'k2026', secret: 'a-new-signing-secret-of-32-chars-or-more!' };
const NOW = 1_800_000_000_000;
const NONCE = '0f8fad5b-d9cb-469f-a165-70867728950e';

function memoryNonces(): NonceStore {
  const claimed = new Set<string>();
  return {
    claim: async (nonce) => {
      if (claimed.has(nonce)) return false;
      claimed.add(nonce);
      return true;
    },
  };
}

const request = (headers: Record<string, string | string[] | undefined> = {}): SignedRequest => ({
  target: 'labour',
  method: 'POST',
  path: '/graphql',
  body: '{"query":"{ __typename }"}',
  headers: {
    'content-type': 'application/json',
    authorization: 'Bearer caller-token',
    'x-purpose': 'EMPLOYMENT_SERVICES',
    'x-request-id': 'req-1',
    'x-caller-request-id': 'caller-label',
    ...headers,
  },
});

/** The request as the labour subgraph receives it, signed by the helper above with `parts`. */
function forged(
  parts: Partial<{ timestamp: string; nonce: string; signedHeaders: string[]; keyId: string }>,
  signed = request(),
): ReceivedRequest {
  const all = {
    keyId: KEY.id,
    timestamp: String(NOW),
    nonce: NONCE,
    signedHeaders: [...SIGNED_HEADERS],
    ...parts,
  };
  return {
    method: signed.method,
    path: signed.path,
    body: signed.body,
    headers: {
      ...signed.headers,
      [SIGNATURE_HEADERS.keyId]: all.keyId,
      [SIGNATURE_HEADERS.timestamp]: all.timestamp,
      [SIGNATURE_HEADERS.nonce]: all.nonce,
      [SIGNATURE_HEADERS.signedHeaders]: all.signedHeaders.join(';'),
      [SIGNATURE_HEADERS.signature]: goldenSignature(KEY.secret, signed, all),
    },
  };
}

/** The request as the labour subgraph receives it, signed by signRequest as the gateway does. */
function signedByGateway(signed = request()): ReceivedRequest {
  return {
    method: signed.method,
    path: signed.path,
    body: signed.body,
    headers: { ...signed.headers, ...signRequest([KEY], signed, { now: NOW }) },
  };
}

const verifier = (windowMs?: number) =>
  createSignatureVerifier({
    audience: 'labour',
    keys: [KEY],
    nonces: memoryNonces(),
    ...(windowMs === undefined ? {} : { windowMs }),
  });

describe('the signature format', () => {
  it('is the documented canonical form (checked against an independent signer)', () => {
    const signed = request({ [CALLER_OPERATION_NAME_HEADER]: 'CaseWork42' });
    const headers = signRequest([KEY], signed, { now: NOW });
    expect(headers[SIGNATURE_HEADERS.signature]).toBe(
      goldenSignature(KEY.secret, signed, {
        keyId: KEY.id,
        timestamp: String(NOW),
        nonce: headers[SIGNATURE_HEADERS.nonce]!,
        signedHeaders: [...SIGNED_HEADERS, CALLER_OPERATION_NAME_HEADER],
      }),
    );
  });

  it('is accepted by the verifier when made by the independent signer', async () => {
    expect(await verifier()(forged({}), NOW)).toEqual({ ok: true, keyId: KEY.id });
  });

  it('covers the method in any case, and the body as bytes, string or Buffer', async () => {
    const arrived = forged({});
    expect(
      await verifier()(
        { ...arrived, method: 'post', body: Buffer.from(arrived.body as string) },
        NOW,
      ),
    ).toEqual({ ok: true, keyId: KEY.id });
  });
});

describe('a request changed on the way, its signature headers valid', () => {
  const header = (name: string, value: string | undefined) => (a: ReceivedRequest) => ({
    ...a,
    headers: { ...a.headers, [name]: value },
  });
  it.each<[string, (arrived: ReceivedRequest) => ReceivedRequest]>([
    ['one byte of the body', (a) => ({ ...a, body: (a.body as string).replace('type', 'tipe') })],
    ['the body emptied', (a) => ({ ...a, body: '' })],
    ['the path', (a) => ({ ...a, path: '/graphql/' })],
    ['the query string', (a) => ({ ...a, path: '/graphql?operationName=Other' })],
    ['the method', (a) => ({ ...a, method: 'GET' })],
    ['the authorization header', header('authorization', 'Bearer caller-token2')],
    ['the x-purpose header', header('x-purpose', 'STATISTICS')],
    ['the x-request-id header', header('x-request-id', 'req-2')],
    ['the x-request-id header removed', header('x-request-id', undefined)],
    ['the x-caller-request-id header', header('x-caller-request-id', 'another-label')],
    ['the x-caller-request-id header removed', header('x-caller-request-id', undefined)],
    ['the x-caller-request-id header emptied', header('x-caller-request-id', '')],
    ['the signed header list in another order', (a) => reorderedList(a)],
  ])('is refused: %s', async (_what, tamper) => {
    const arrived = signedByGateway();
    expect(await verifier()(tamper(arrived), NOW)).toEqual({
      ok: false,
      reason: 'bad signature',
    });
    // The same request unchanged is accepted: only the change was refused.
    expect(await verifier()(arrived, NOW)).toEqual({ ok: true, keyId: KEY.id });
  });

  it('is refused when sent to another subgraph', async () => {
    const verify = createSignatureVerifier({
      audience: 'health',
      keys: [KEY],
      nonces: memoryNonces(),
    });
    expect(await verify(signedByGateway(), NOW)).toEqual({ ok: false, reason: 'bad signature' });
    expect(await verifier()(signedByGateway(), NOW)).toEqual({ ok: true, keyId: KEY.id });
  });

  it('is refused when its signature is cut short, lengthened or not base64url', async () => {
    const arrived = forged({});
    const signature = arrived.headers[SIGNATURE_HEADERS.signature] as string;
    for (const changed of [signature.slice(0, -2), `${signature}AA`, '', '!!!!'])
      expect(await verifier()(header(SIGNATURE_HEADERS.signature, changed)(arrived), NOW)).toEqual({
        ok: false,
        reason: 'bad signature',
      });
  });
});

/** The same headers named in another order: a valid list, but not the one that was signed. */
function reorderedList(arrived: ReceivedRequest): ReceivedRequest {
  const list = (arrived.headers[SIGNATURE_HEADERS.signedHeaders] as string).split(';');
  return {
    ...arrived,
    headers: { ...arrived.headers, [SIGNATURE_HEADERS.signedHeaders]: list.reverse().join(';') },
  };
}

describe('the time of a signature', () => {
  it.each<[string, number, boolean]>([
    ['exactly a window old', -30_000, true],
    ['a window and 1 ms old', -30_001, false],
    ['exactly a window ahead', 30_000, true],
    ['a window and 1 ms ahead', 30_001, false],
  ])('%s (default window of 30 s)', async (_what, skew, accepted) => {
    const check = await verifier()(forged({ timestamp: String(NOW + skew) }), NOW);
    expect(check).toEqual(
      accepted
        ? { ok: true, keyId: KEY.id }
        : { ok: false, reason: 'signature outside the clock window' },
    );
  });

  it.each<[number, number, boolean]>([
    [5_000, 5_000, true],
    [5_000, 5_001, false],
    [120_000, 120_000, true],
  ])('with a window of %i ms, %i ms old is accepted: %s', async (windowMs, age, accepted) => {
    const check = await verifier(windowMs)(forged({ timestamp: String(NOW - age) }), NOW);
    expect(check.ok).toBe(accepted);
  });

  it.each([
    ['a sign', `+${NOW}`],
    ['a letter before', `x${NOW}`],
    ['a letter after', `${NOW}x`],
    ['a fraction', `${NOW}.5`],
    ['an exponent', '1.8e12'],
    ['spaces', ` ${NOW} `],
    ['nothing', ''],
    ['17 digits', `0000${NOW}`],
  ])('is refused when not plain digits: %s', async (_what, timestamp) => {
    expect(await verifier()(forged({ timestamp }), NOW)).toEqual({
      ok: false,
      reason: 'signature outside the clock window',
    });
  });
});

describe('the nonce of a signature', () => {
  it.each([
    ['16 characters', 'a'.repeat(16), true],
    ['128 characters', 'A0_-'.repeat(32), true],
    ['15 characters', 'a'.repeat(15), false],
    ['129 characters', 'a'.repeat(129), false],
    ['a dot', `${'a'.repeat(16)}.`, false],
    ['a space', `${'a'.repeat(16)} b`, false],
    ['a line break before', `\n${'a'.repeat(16)}`, false],
  ])('of %s: accepted %s', async (_what, nonce, accepted) => {
    expect(await verifier()(forged({ nonce }), NOW)).toEqual(
      accepted ? { ok: true, keyId: KEY.id } : { ok: false, reason: 'malformed nonce' },
    );
  });
});

describe('the signed header list', () => {
  const required = [...SIGNED_HEADERS];
  it.each<[string, string[]]>([
    ['a required header named twice', [...required, 'authorization']],
    ['an extra header named twice', [...required, 'traceparent', 'traceparent']],
    ['a name in capitals', [...required, 'Traceparent']],
    ['an empty name', [...required, '']],
    ['a name with a space', [...required, 'x-jol extra']],
    ['a name of 65 characters', [...required, 'x'.repeat(65)]],
    ['a required header left out', required.slice(1)],
  ])('is refused with %s, though validly signed', async (_what, signedHeaders) => {
    expect(await verifier()(forged({ signedHeaders }), NOW)).toEqual({
      ok: false,
      reason: 'the signature does not cover the required headers',
    });
  });

  it.each<[string, string[]]>([
    ['a name of 64 characters', [...required, 'x'.repeat(64)]],
    ['digits and dashes', [...required, 'x-0-9']],
    ['the required headers in another order', [...required].reverse()],
  ])('is accepted with %s', async (_what, signedHeaders) => {
    expect(await verifier()(forged({ signedHeaders }), NOW)).toEqual({ ok: true, keyId: KEY.id });
  });

  it('refuses a signed header sent as a list of values, even of one', async () => {
    for (const value of [['Bearer a', 'Bearer b'], ['Bearer caller-token']]) {
      const signed = request({ authorization: value });
      expect(await verifier()(forged({}, signed), NOW)).toEqual({
        ok: false,
        reason: 'a signed header was given more than once',
      });
      expect(() => signRequest([KEY], signed, { now: NOW })).toThrow(
        'the header authorization must have one value to be signed',
      );
    }
  });
});

describe('signingKeys', () => {
  const secret = 's'.repeat(MIN_SIGNING_SECRET_LENGTH);
  it.each([
    ['a secret of exactly the minimum length', [{ id: 'k', secret }]],
    ['an id of 64 characters', [{ id: 'k'.repeat(64), secret }]],
    ['an id of every allowed kind of character', [{ id: 'Key_2026.v-1', secret }]],
    [
      'two keys',
      [
        { id: 'a', secret },
        { id: 'b', secret },
      ],
    ],
  ])('accepts %s', (_what, keys) => {
    expect(signingKeys(keys)).toBe(keys);
  });

  it.each([
    ['a secret one character short', [{ id: 'k', secret: secret.slice(1) }], 'at least 32'],
    ['an empty id', [{ id: '', secret }], 'must be 1-64 characters'],
    ['an id of 65 characters', [{ id: 'k'.repeat(65), secret }], 'must be 1-64 characters'],
    ['an id with a slash', [{ id: 'k/1', secret }], 'must be 1-64 characters'],
    ['an id with a colon', [{ id: 'k:1', secret }], 'must be 1-64 characters'],
  ])('refuses %s', (_what, keys, message) => {
    expect(() => signingKeys(keys)).toThrow(message);
  });

  it('names a bad id clipped to 70 characters, so a secret pasted as an id is not all echoed', () => {
    const id = `${'k'.repeat(70)}${'SECRET'.repeat(10)}`;
    const error = (() => {
      try {
        signingKeys([{ id, secret }]);
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    })();
    expect(error).toContain(JSON.stringify('k'.repeat(70)));
    expect(error).not.toContain('SECRET');
  });
});

describe('checkSignatureOrUnavailable', () => {
  const response = () => {
    const sent: { status?: number; body?: unknown } = {};
    return {
      sent,
      res: {
        status(code: number) {
          sent.status = code;
          return {
            json(body: unknown) {
              sent.body = body;
              return undefined;
            },
          };
        },
      },
    };
  };

  it("answers the verifier's outcome and sends nothing itself", async () => {
    const { sent, res } = response();
    const log = { error: jest.fn() };
    const arrived = forged({ timestamp: String(Date.now()) });
    expect(await checkSignatureOrUnavailable(verifier(), arrived, res, log)).toEqual({
      ok: true,
      keyId: KEY.id,
    });
    // A refusal too is the verifier's to answer; the route refuses the request itself.
    expect(await checkSignatureOrUnavailable(verifier(), forged({}), res, log)).toEqual({
      ok: false,
      reason: 'signature outside the clock window',
    });
    expect(sent).toEqual({});
    expect(log.error).not.toHaveBeenCalled();
  });

  it('answers 503 with a retryable JSON error, logged, when the nonce store is unreachable', async () => {
    const { sent, res } = response();
    const log = { error: jest.fn() };
    const failure = new Error('connection refused to store.internal:27017');
    const verify = createSignatureVerifier({
      audience: 'labour',
      keys: [KEY],
      nonces: { claim: () => Promise.reject(failure) },
    });
    const arrived = forged({ timestamp: String(Date.now()) });
    expect(await checkSignatureOrUnavailable(verify, arrived, res, log)).toBeNull();
    expect(sent).toEqual({
      status: 503,
      body: {
        errors: [
          {
            message: 'Signed requests cannot be checked right now; try again',
            extensions: { code: 'SERVICE_UNAVAILABLE' },
          },
        ],
      },
    });
    // The cause goes to the log, never to the client.
    expect(JSON.stringify(sent.body)).not.toContain('store.internal');
    expect(log.error).toHaveBeenCalledWith(
      { err: failure },
      'the signature nonce store could not be reached',
    );
  });
});
