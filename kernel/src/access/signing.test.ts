import {
  CALLER_OPERATION_NAME_HEADER,
  createSignatureVerifier,
  SIGNATURE_HEADERS,
  signingKeys,
  signRequest,
  type NonceStore,
  type SignedRequest,
  type SigningKeys,
} from './signing';

const OLD = { id: 'k2025', secret: 'an-old-signing-secret-of-32-chars-or-more' };
const NEW = { id: 'k2026', secret: 'a-new-signing-secret-of-32-chars-or-more!' };
const NOW = 1_800_000_000_000;

/** A nonce set in memory, keeping the store's contract: claim once, then refuse. */
function memoryNonces(): NonceStore & { claimed: Map<string, Date> } {
  const claimed = new Map<string, Date>();
  return {
    claimed,
    claim: async (nonce, _keyId, expiresAt) => {
      if (claimed.has(nonce)) return false;
      claimed.set(nonce, expiresAt);
      return true;
    },
  };
}

const request = (): SignedRequest => ({
  target: 'labour',
  method: 'POST',
  path: '/graphql',
  body: '{"query":"{ __typename }"}',
  headers: {
    'content-type': 'application/json',
    authorization: 'Bearer caller-token',
    'x-purpose': 'EMPLOYMENT_SERVICES',
    'x-request-id': 'req-1',
  },
});

/** A verifier for the labour subgraph accepting both keys, and what arrives there. */
function labour(keys: SigningKeys = [NEW, OLD]) {
  const nonces = memoryNonces();
  const verify = createSignatureVerifier({ audience: 'labour', keys, nonces, windowMs: 30_000 });
  return { verify, nonces };
}

/** The request as a subgraph receives it: its own headers plus the signature's. */
function received(signed: SignedRequest, signature: Record<string, string>) {
  return {
    method: signed.method,
    path: signed.path,
    body: signed.body,
    headers: { ...signed.headers, ...signature },
  };
}

describe('signRequest and createSignatureVerifier', () => {
  it('accept a request signed for this subgraph, once, naming the key that signed it', async () => {
    const { verify } = labour();
    const signed = request();
    const signature = signRequest([NEW, OLD], signed, { now: NOW });
    expect(signature[SIGNATURE_HEADERS.keyId]).toBe('k2026');
    expect(await verify(received(signed, signature), NOW + 1_000)).toEqual({
      ok: true,
      keyId: 'k2026',
    });
    expect(await verify(received(signed, signature), NOW + 2_000)).toEqual({
      ok: false,
      reason: 'replayed signature',
    });
  });

  it('accept a key being rotated out while the gateway still signs with it', async () => {
    const { verify } = labour([NEW, OLD]);
    const signed = request();
    const signature = signRequest([OLD], signed, { now: NOW });
    expect(await verify(received(signed, signature), NOW)).toEqual({ ok: true, keyId: 'k2025' });
  });

  it('refuse a key id the subgraph does not know, and a known id with another secret', async () => {
    const { verify } = labour([OLD]);
    const signed = request();
    expect(await verify(received(signed, signRequest([NEW], signed, { now: NOW })), NOW)).toEqual({
      ok: false,
      reason: 'unknown signing key id',
    });
    const forged = signRequest([{ id: OLD.id, secret: NEW.secret }], signed, { now: NOW });
    expect(await verify(received(signed, forged), NOW)).toEqual({
      ok: false,
      reason: 'bad signature',
    });
  });

  type Tamper = (
    arrived: ReturnType<typeof received>,
  ) => ReturnType<typeof received> | { target: string };
  const header = (name: string, value: string | undefined): Tamper => {
    return (arrived) => ({ ...arrived, headers: { ...arrived.headers, [name]: value } });
  };
  it.each<[string, Tamper]>([
    ['the body changed', (a) => ({ ...a, body: '{"query":"{ __typename } "}' })],
    ['the path changed', (a) => ({ ...a, path: '/graphql?x=1' })],
    ['the method changed', (a) => ({ ...a, method: 'PUT' })],
    ['another target subgraph', () => ({ target: 'health' })],
    ['the authorization header changed', header('authorization', 'Bearer another-token')],
    ['the authorization header removed', header('authorization', undefined)],
    ['the authorization header emptied', header('authorization', '')],
    ['the x-purpose header changed', header('x-purpose', 'MEDICAL_CARE')],
    ['the x-purpose header removed', header('x-purpose', undefined)],
    ['the request id changed', header('x-request-id', 'req-2')],
    ['the time changed', header(SIGNATURE_HEADERS.timestamp, String(NOW + 1))],
    ['the nonce changed', header(SIGNATURE_HEADERS.nonce, '11111111-2222-4333-8444-555555555555')],
    ['the key id changed', header(SIGNATURE_HEADERS.keyId, OLD.id)],
  ])('refuse a signed request with %s', async (_part, tamper) => {
    const signed = request();
    const signature = signRequest([NEW, OLD], signed, { now: NOW });
    const arrived = received(signed, signature);
    const changed = tamper(arrived);
    const check =
      'target' in changed
        ? await createSignatureVerifier({
            audience: changed.target,
            keys: [NEW, OLD],
            nonces: memoryNonces(),
          })(arrived, NOW)
        : await labour().verify(changed, NOW);
    expect(check).toEqual({ ok: false, reason: 'bad signature' });
    // The same request unchanged is accepted: only the change was refused.
    expect(await labour().verify(arrived, NOW)).toEqual({ ok: true, keyId: NEW.id });
  });

  it('refuse a key id changed to another id of the same secret: the id itself is signed', async () => {
    const alias = { id: 'alias', secret: NEW.secret };
    const verify = createSignatureVerifier({
      audience: 'labour',
      keys: [NEW, alias],
      nonces: memoryNonces(),
    });
    const signed = request();
    const signature = signRequest([NEW], signed, { now: NOW });
    const arrived = received(signed, signature);
    expect(
      await verify(
        { ...arrived, headers: { ...arrived.headers, [SIGNATURE_HEADERS.keyId]: 'alias' } },
        NOW,
      ),
    ).toEqual({ ok: false, reason: 'bad signature' });
  });

  it('tell a header sent empty from one not sent', async () => {
    const withEmpty = { ...request(), headers: { ...request().headers, 'x-purpose': '' } };
    const { 'x-purpose': _dropped, ...withoutPurpose } = request().headers;
    const without = { ...request(), headers: withoutPurpose };
    const { verify } = labour();
    const signedEmpty = signRequest([NEW], withEmpty, { now: NOW });
    expect(await verify(received(without, signedEmpty), NOW)).toEqual({
      ok: false,
      reason: 'bad signature',
    });
    expect(await verify(received(withEmpty, signedEmpty), NOW)).toEqual({
      ok: true,
      keyId: NEW.id,
    });
  });

  it('refuse a signature outside the window either way, and accept one at its edge', async () => {
    const { verify } = labour();
    const signed = request();
    for (const skew of [-30_001, 30_001]) {
      const signature = signRequest([NEW], signed, { now: NOW + skew });
      expect(await verify(received(signed, signature), NOW)).toEqual({
        ok: false,
        reason: 'signature outside the clock window',
      });
    }
    const edge = signRequest([NEW], signed, { now: NOW - 30_000 });
    expect(await verify(received(signed, edge), NOW)).toEqual({ ok: true, keyId: NEW.id });
  });

  it('keep a nonce in the store for twice the window after its signature time', async () => {
    const { verify, nonces } = labour();
    const signed = request();
    const signature = signRequest([NEW], signed, { now: NOW });
    await verify(received(signed, signature), NOW + 5_000);
    expect(nonces.claimed.get(signature[SIGNATURE_HEADERS.nonce]!)).toEqual(new Date(NOW + 60_000));
  });

  it('spend no nonce on a request whose signature fails', async () => {
    const { verify, nonces } = labour();
    const signed = request();
    const signature = signRequest([NEW], signed, { now: NOW });
    await verify({ ...received(signed, signature), body: 'changed' }, NOW);
    expect(nonces.claimed.size).toBe(0);
  });

  it('refuse a request missing any signature header', async () => {
    const signed = request();
    const signature = signRequest([NEW], signed, { now: NOW });
    for (const name of Object.values(SIGNATURE_HEADERS)) {
      const { [name]: _removed, ...rest } = signature;
      expect(await labour().verify(received(signed, rest), NOW)).toEqual({
        ok: false,
        reason: 'unsigned request',
      });
    }
  });

  it('refuse a signature that leaves out a required header, though validly made', async () => {
    const signed = request();
    const signature = signRequest([NEW], signed, { now: NOW });
    const narrowed = { ...signature, [SIGNATURE_HEADERS.signedHeaders]: 'authorization;x-purpose' };
    expect(await labour().verify(received(signed, narrowed), NOW)).toEqual({
      ok: false,
      reason: 'the signature does not cover the required headers',
    });
  });

  it('accept a signature covering one more header, and refuse a change to that header', async () => {
    const signed = {
      ...request(),
      headers: { ...request().headers, traceparent: '00-0af7651916cd43dd8448eb211c80319c-01' },
    };
    const signature = signRequest([NEW], signed, { now: NOW, extraHeaders: ['traceparent'] });
    expect(signature[SIGNATURE_HEADERS.signedHeaders]).toBe(
      'authorization;x-purpose;x-request-id;x-caller-request-id;traceparent',
    );
    const changed = received(signed, signature);
    expect(
      await labour().verify(
        { ...changed, headers: { ...changed.headers, traceparent: '00-other-01' } },
        NOW,
      ),
    ).toEqual({ ok: false, reason: 'bad signature' });
    expect(await labour().verify(received(signed, signature), NOW)).toEqual({
      ok: true,
      keyId: NEW.id,
    });
  });

  it("cover the caller's operation name whenever it is sent, and refuse it added, changed or dropped", async () => {
    const plain = request();
    const unnamed = received(plain, signRequest([NEW], plain, { now: NOW }));
    expect(unnamed.headers[SIGNATURE_HEADERS.signedHeaders]).not.toContain(
      CALLER_OPERATION_NAME_HEADER,
    );
    expect(
      await labour().verify(
        { ...unnamed, headers: { ...unnamed.headers, [CALLER_OPERATION_NAME_HEADER]: 'Mine' } },
        NOW,
      ),
    ).toEqual({ ok: false, reason: 'the signature does not cover the caller operation name' });

    const named = {
      ...plain,
      headers: { ...plain.headers, [CALLER_OPERATION_NAME_HEADER]: 'CaseWork42' },
    };
    const signature = signRequest([NEW], named, {
      now: NOW,
      extraHeaders: [CALLER_OPERATION_NAME_HEADER],
    });
    expect(signature[SIGNATURE_HEADERS.signedHeaders]).toBe(
      'authorization;x-purpose;x-request-id;x-caller-request-id;x-caller-operation-name',
    );
    const arrived = received(named, signature);
    expect(
      await labour().verify(
        { ...arrived, headers: { ...arrived.headers, [CALLER_OPERATION_NAME_HEADER]: 'Other' } },
        NOW,
      ),
    ).toEqual({ ok: false, reason: 'bad signature' });
    const { [CALLER_OPERATION_NAME_HEADER]: _dropped, ...withoutName } = arrived.headers;
    expect(await labour().verify({ ...arrived, headers: withoutName }, NOW)).toEqual({
      ok: false,
      reason: 'bad signature',
    });
    expect(await labour().verify(arrived, NOW)).toEqual({ ok: true, keyId: NEW.id });
  });

  it('refuse a trace context added or changed on the way, and accept the one that was signed', async () => {
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const tracestate = 'jol=gateway';
    const plain = request();
    const unsignedTrace = received(plain, signRequest([NEW], plain, { now: NOW }));
    for (const added of [{ traceparent }, { tracestate }])
      expect(
        await labour().verify(
          { ...unsignedTrace, headers: { ...unsignedTrace.headers, ...added } },
          NOW,
        ),
      ).toEqual({ ok: false, reason: 'the signature does not cover the trace context' });

    const traced = { ...plain, headers: { ...plain.headers, traceparent, tracestate } };
    const signature = signRequest([NEW], traced, {
      now: NOW,
      extraHeaders: ['traceparent', 'tracestate'],
    });
    const arrived = received(traced, signature);
    const changes = [
      { traceparent: '00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01' },
      { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00' },
      { tracestate: 'jol=other' },
    ];
    for (const change of changes)
      expect(
        await labour().verify({ ...arrived, headers: { ...arrived.headers, ...change } }, NOW),
      ).toEqual({ ok: false, reason: 'bad signature' });
    const { tracestate: _dropped, ...withoutState } = arrived.headers;
    expect(await labour().verify({ ...arrived, headers: withoutState }, NOW)).toEqual({
      ok: false,
      reason: 'bad signature',
    });
    expect(await labour().verify(arrived, NOW)).toEqual({ ok: true, keyId: NEW.id });
  });

  it('refuse a signed header given twice under different cases', async () => {
    const signed = request();
    const signature = signRequest([NEW], signed, { now: NOW });
    const arrived = received(signed, signature);
    expect(
      await labour().verify(
        { ...arrived, headers: { ...arrived.headers, Authorization: 'Bearer other' } },
        NOW,
      ),
    ).toEqual({ ok: false, reason: 'a signed header was given more than once' });
    expect(() =>
      signRequest(
        [NEW],
        { ...signed, headers: { ...signed.headers, 'X-Purpose': 'OTHER' } },
        { now: NOW },
      ),
    ).toThrow('the header x-purpose must have one value to be signed');
  });
});

describe('signingKeys', () => {
  it('refuses no key, a repeated id, a bad id and a short secret, naming no secret', () => {
    expect(() => signingKeys([])).toThrow('at least one signing key is needed');
    expect(() => signingKeys([OLD, { ...NEW, id: OLD.id }])).toThrow(
      'the signing key id "k2025" is given twice',
    );
    expect(() => signingKeys([{ id: 'a b', secret: NEW.secret }])).toThrow(
      'a signing key id must be 1-64 characters',
    );
    expect(() => signingKeys([{ id: 'short', secret: 'too-short' }])).toThrow(
      'the signing key "short" must have a secret of at least 32 characters',
    );
  });
});
