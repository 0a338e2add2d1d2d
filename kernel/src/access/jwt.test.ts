import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload } from 'jose';
import {
  bearerToken,
  callerFromClaims,
  createTokenVerifier,
  TOKEN_ALGORITHMS,
  tokenVerifierOptionsFromEnv,
  unauthenticated,
} from './jwt';

type Key = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

const UNAUTHENTICATED = (message: string) =>
  expect.objectContaining({
    message,
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });

describe('bearerToken', () => {
  it.each([
    ['Bearer abc.def.ghi', 'abc.def.ghi'],
    ['  Bearer   abc.def.ghi  ', 'abc.def.ghi'],
    ['Bearer a-b_c~d+e/f.g==', 'a-b_c~d+e/f.g=='],
    ['Bearer\tabc', 'abc'],
  ])('takes the token of %j', (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });
  it.each([
    'bearer abc',
    'Basic abc',
    'Bearer',
    'Bearer ',
    'Bearerabc',
    'Bearer a b',
    'Bearer abc;',
    'Bearer =abc',
    'Bearer abc=def',
    'x Bearer abc',
    '',
  ])('finds none in %j', (header) => {
    expect(bearerToken(header)).toBeNull();
  });
  it.each([undefined, null, 7, ['Bearer abc']])('finds none in the non-string %p', (header) => {
    expect(bearerToken(header)).toBeNull();
  });
});

describe('callerFromClaims', () => {
  it('keeps the subject and a copy of the roles, and nothing absent', () => {
    const roles = ['LABOUR_OFFICER', 'HEALTH_OFFICER'];
    const caller = callerFromClaims({ sub: 'officer-7', roles });
    expect(caller).toStrictEqual({ sub: 'officer-7', roles: ['LABOUR_OFFICER', 'HEALTH_OFFICER'] });
    expect(caller.roles).not.toBe(roles);
  });
  it('keeps every known optional claim', () => {
    expect(
      callerFromClaims({
        sub: 's',
        roles: ['DATA_SUBJECT'],
        agency: 'labour',
        region: 'KG-O',
        partner: 'RU-SFR',
        pin: '10503199012345',
      }),
    ).toStrictEqual({
      sub: 's',
      roles: ['DATA_SUBJECT'],
      agency: 'labour',
      region: 'KG-O',
      partner: 'RU-SFR',
      pin: '10503199012345',
    });
  });
  it.each([{ a: 1 }, 7, '', null, 'x'.repeat(256)])(
    'refuses the sub claim %p, which would name another caller once coerced',
    (sub) => {
      expect(() => callerFromClaims({ sub, roles: ['ANALYST'] } as unknown as JWTPayload)).toThrow(
        UNAUTHENTICATED('The token sub claim must be a string of 1-255 characters'),
      );
    },
  );
  it('ignores an agency claim that is not a string', () => {
    expect(callerFromClaims({ sub: 's', roles: ['ANALYST'], agency: 7 })).toStrictEqual({
      sub: 's',
      roles: ['ANALYST'],
    });
  });
  it.each([
    [{ sub: 's' }, 'no roles'],
    [{ sub: 's', roles: 'ANALYST' }, 'roles as a string'],
    [{ sub: 's', roles: [] }, 'empty roles'],
    [{ sub: 's', roles: ['ANALYST', 'ROOT'] }, 'an unknown role'],
    [{ sub: 's', roles: ['analyst'] }, 'a role in lower case'],
  ] as [JWTPayload, string][])('refuses %p (%s)', (claims) => {
    expect(() => callerFromClaims(claims)).toThrow(
      UNAUTHENTICATED('The token must carry a non-empty roles claim of known roles'),
    );
  });
  it.each(['KG-X', 'kg-o', 7, null])('refuses the region claim %p', (region) => {
    expect(() => callerFromClaims({ sub: 's', roles: ['ANALYST'], region } as JWTPayload)).toThrow(
      UNAUTHENTICATED('The token region claim is not a Kyrgyz region code'),
    );
  });
  it.each(['', 7, null, ['RU-SFR']])('refuses the partner claim %p', (partner) => {
    expect(() => callerFromClaims({ sub: 's', roles: ['PARTNER'], partner } as JWTPayload)).toThrow(
      UNAUTHENTICATED('The token partner claim is malformed'),
    );
  });
  it('keeps an office claim', () => {
    expect(
      callerFromClaims({ sub: 's', roles: ['DATA_SUBJECT'], office: 'RU_MOSCOW' }),
    ).toStrictEqual({ sub: 's', roles: ['DATA_SUBJECT'], office: 'RU_MOSCOW' });
  });
  it.each(['', 'ru_moscow', 'RU MOSCOW', 7, null, ['RU_MOSCOW']])(
    'refuses the office claim %p',
    (office) => {
      expect(() =>
        callerFromClaims({ sub: 's', roles: ['DATA_SUBJECT'], office } as JWTPayload),
      ).toThrow(UNAUTHENTICATED('The token office claim is malformed'));
    },
  );
  it.each(['1050319901234', '30503199012345', 10503199012345, ''])(
    'refuses the pin claim %p',
    (pin) => {
      expect(() =>
        callerFromClaims({ sub: 's', roles: ['DATA_SUBJECT'], pin } as JWTPayload),
      ).toThrow(UNAUTHENTICATED('The token pin claim is not a valid PIN'));
    },
  );
});

describe('tokenVerifierOptionsFromEnv', () => {
  it('defaults issuer and audience to jol', () => {
    expect(tokenVerifierOptionsFromEnv({})).toStrictEqual({
      jwksPath: undefined,
      jwksUrl: undefined,
      issuer: 'jol',
      audience: 'jol',
    });
  });
  it('reads every setting', () => {
    expect(
      tokenVerifierOptionsFromEnv({
        JWKS_PATH: '/keys/jwks.json',
        JWKS_URL: 'https://id.example/jwks',
        JWT_ISSUER: 'issuer-x',
        JWT_AUDIENCE: 'audience-y',
      }),
    ).toStrictEqual({
      jwksPath: '/keys/jwks.json',
      jwksUrl: 'https://id.example/jwks',
      issuer: 'issuer-x',
      audience: 'audience-y',
    });
  });
});

describe('createTokenVerifier', () => {
  let ed: Key;
  let rsa: Key;
  let es: Key;
  let stranger: Key;
  let jwks: { keys: JWK[] };
  let jwksPath: string;

  beforeAll(async () => {
    const pair = async (alg: string, kid: string) => {
      const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
      return { privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg } };
    };
    const e = await pair('EdDSA', 'ed');
    const r = await pair('RS256', 'rs');
    const s = await pair('ES256', 'es');
    ed = e.privateKey;
    rsa = r.privateKey;
    es = s.privateKey;
    stranger = (await generateKeyPair('EdDSA')).privateKey;
    jwks = { keys: [e.jwk, r.jwk, s.jwk] };
    jwksPath = join(mkdtempSync(join(tmpdir(), 'jol-jwt-')), 'jwks.json');
    writeFileSync(jwksPath, JSON.stringify(jwks));
  });

  const NOW = () => Math.floor(Date.now() / 1000);
  async function token(
    key: Key,
    alg: string,
    kid: string,
    claims: JWTPayload = {},
    set: { iss?: string; aud?: string; exp?: number | null; sub?: string | null } = {},
  ) {
    const jwt = new SignJWT({ roles: ['ANALYST'], ...claims }).setProtectedHeader({ alg, kid });
    if (set.sub !== null) jwt.setSubject(set.sub ?? 'analyst-1');
    jwt.setIssuer(set.iss ?? 'jol').setAudience(set.aud ?? 'jol');
    if (set.exp !== null) jwt.setExpirationTime(set.exp ?? NOW() + 300);
    return jwt.sign(key);
  }

  it('accepts EdDSA and RS256 only', () => {
    expect(TOKEN_ALGORITHMS).toEqual(['EdDSA', 'RS256']);
  });

  it('turns a valid EdDSA or RS256 token into its caller, by default for issuer and audience jol', async () => {
    const verify = createTokenVerifier({ jwksPath });
    await expect(verify(await token(ed, 'EdDSA', 'ed', { region: 'KG-C' }))).resolves.toStrictEqual(
      { sub: 'analyst-1', roles: ['ANALYST'], region: 'KG-C' },
    );
    await expect(verify(await token(rsa, 'RS256', 'rs'))).resolves.toStrictEqual({
      sub: 'analyst-1',
      roles: ['ANALYST'],
    });
  });

  it('refuses a signature by a key outside the set, or an algorithm not accepted', async () => {
    const verify = createTokenVerifier({ jwksPath });
    await expect(verify(await token(stranger, 'EdDSA', 'ed'))).rejects.toEqual(
      UNAUTHENTICATED('The token is not valid'),
    );
    await expect(verify(await token(es, 'ES256', 'es'))).rejects.toEqual(
      UNAUTHENTICATED('The token is not valid'),
    );
    const [header, payload] = (await token(ed, 'EdDSA', 'ed')).split('.');
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
    expect(header).not.toBe('');
    await expect(verify(unsigned)).rejects.toEqual(UNAUTHENTICATED('The token is not valid'));
  });

  it('refuses another issuer or audience than the configured ones', async () => {
    const verify = createTokenVerifier({ jwksPath, issuer: 'idp', audience: 'jol-api' });
    await expect(
      verify(await token(ed, 'EdDSA', 'ed', {}, { iss: 'idp', aud: 'jol-api' })),
    ).resolves.toStrictEqual({ sub: 'analyst-1', roles: ['ANALYST'] });
    for (const set of [{ aud: 'jol-api' }, { iss: 'idp' }, { iss: 'idp', aud: 'jol' }]) {
      await expect(verify(await token(ed, 'EdDSA', 'ed', {}, set))).rejects.toEqual(
        UNAUTHENTICATED('The token is not valid'),
      );
    }
  });

  it('refuses an expired token as expired, and a token without exp or sub as not valid', async () => {
    const verify = createTokenVerifier({ jwksPath });
    await expect(verify(await token(ed, 'EdDSA', 'ed', {}, { exp: NOW() - 60 }))).rejects.toEqual(
      UNAUTHENTICATED('The token has expired'),
    );
    await expect(verify(await token(ed, 'EdDSA', 'ed', {}, { exp: null }))).rejects.toEqual(
      UNAUTHENTICATED('The token is not valid'),
    );
    await expect(verify(await token(ed, 'EdDSA', 'ed', {}, { sub: null }))).rejects.toEqual(
      UNAUTHENTICATED('The token is not valid'),
    );
    await expect(verify('not-a-token')).rejects.toEqual(UNAUTHENTICATED('The token is not valid'));
  });

  it('checks the claims after the signature', async () => {
    const verify = createTokenVerifier({ jwksPath });
    await expect(verify(await token(ed, 'EdDSA', 'ed', { roles: ['ROOT'] }))).rejects.toEqual(
      UNAUTHENTICATED('The token must carry a non-empty roles claim of known roles'),
    );
  });

  describe('remembering verified tokens', () => {
    afterEach(() => {
      jest.useRealTimers();
    });

    it('refuses a remembered token once it has expired', async () => {
      const start = Date.now();
      jest.useFakeTimers({ now: start, doNotFake: ['nextTick', 'setImmediate'] });
      const verify = createTokenVerifier({ jwksPath });
      const jwt = await token(ed, 'EdDSA', 'ed', {}, { exp: Math.floor(start / 1000) + 60 });
      await expect(verify(jwt)).resolves.toStrictEqual({ sub: 'analyst-1', roles: ['ANALYST'] });
      await expect(verify(jwt)).resolves.toStrictEqual({ sub: 'analyst-1', roles: ['ANALYST'] });
      jest.setSystemTime(start + 61_000);
      await expect(verify(jwt)).rejects.toEqual(UNAUTHENTICATED('The token has expired'));
    });

    it('gives every request a caller of its own', async () => {
      const verify = createTokenVerifier({ jwksPath });
      const jwt = await token(ed, 'EdDSA', 'ed');
      const first = await verify(jwt);
      first.roles.push('AUDITOR');
      first.sub = 'someone-else';
      await expect(verify(jwt)).resolves.toStrictEqual({ sub: 'analyst-1', roles: ['ANALYST'] });
    });

    it('remembers nothing that failed: a refused token stays refused', async () => {
      const verify = createTokenVerifier({ jwksPath });
      const forged = await token(stranger, 'EdDSA', 'ed');
      await expect(verify(forged)).rejects.toEqual(UNAUTHENTICATED('The token is not valid'));
      await expect(verify(forged)).rejects.toEqual(UNAUTHENTICATED('The token is not valid'));
    });
  });

  describe('with a JWKS endpoint', () => {
    let server: Server;
    let url: string;
    let served: () => { keys: JWK[] } = () => jwks;
    beforeAll(async () => {
      server = createServer((_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(served()));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });

    it('verifies with the keys the endpoint serves', async () => {
      const verify = createTokenVerifier({ jwksUrl: url });
      await expect(verify(await token(ed, 'EdDSA', 'ed'))).resolves.toStrictEqual({
        sub: 'analyst-1',
        roles: ['ANALYST'],
      });
      await expect(verify(await token(stranger, 'EdDSA', 'ed'))).rejects.toEqual(
        UNAUTHENTICATED('The token is not valid'),
      );
    });

    it('refuses a remembered token once its signing key is withdrawn from the set', async () => {
      served = () => jwks;
      const verify = createTokenVerifier({ jwksUrl: url, jwksMaxAgeMs: 0 });
      const jwt = await token(ed, 'EdDSA', 'ed');
      await expect(verify(jwt)).resolves.toStrictEqual({ sub: 'analyst-1', roles: ['ANALYST'] });
      await expect(verify(jwt)).resolves.toStrictEqual({ sub: 'analyst-1', roles: ['ANALYST'] });
      served = () => ({ keys: jwks.keys.filter((key) => key.kid !== 'ed') });
      try {
        await expect(verify(jwt)).rejects.toEqual(UNAUTHENTICATED('The token is not valid'));
        // Another key of the same set is still trusted.
        await expect(verify(await token(rsa, 'RS256', 'rs'))).resolves.toStrictEqual({
          sub: 'analyst-1',
          roles: ['ANALYST'],
        });
      } finally {
        served = () => jwks;
      }
    });
  });

  describe('when the key set cannot be fetched', () => {
    const UNAVAILABLE = expect.objectContaining({
      message: expect.stringMatching(/^The identity provider's keys cannot be fetched now/),
      extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } },
    });
    let server: Server;
    let url: string;
    let answer: (res: import('node:http').ServerResponse) => void = () => undefined;
    beforeAll(async () => {
      server = createServer((_req, res) => answer(res));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });

    it.each<[string, (res: import('node:http').ServerResponse) => void]>([
      ['answers 500', (res) => res.writeHead(500).end('down')],
      ['answers 200 with HTML', (res) => res.writeHead(200).end('<html>maintenance</html>')],
      ['serves something that is not a key set', (res) => res.end(JSON.stringify({ keys: 7 }))],
      ['does not answer in time', () => undefined],
    ])('says so with 503 when the endpoint %s, not that the token is bad', async (_what, how) => {
      answer = how;
      const verify = createTokenVerifier({ jwksUrl: url, jwksTimeoutMs: 300 });
      await expect(verify(await token(ed, 'EdDSA', 'ed'))).rejects.toEqual(UNAVAILABLE);
    });

    it('says so with 503 when nothing listens at the endpoint', async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise((resolve) => closed.close(resolve));
      const verify = createTokenVerifier({ jwksUrl: `http://127.0.0.1:${port}/jwks.json` });
      await expect(verify(await token(ed, 'EdDSA', 'ed'))).rejects.toEqual(UNAVAILABLE);
    });

    it('still refuses with 401 a token whose key the fetched set does not hold', async () => {
      answer = (res) => res.end(JSON.stringify({ keys: jwks.keys.filter((k) => k.kid !== 'ed') }));
      const verify = createTokenVerifier({ jwksUrl: url });
      await expect(verify(await token(ed, 'EdDSA', 'ed'))).rejects.toEqual(
        UNAUTHENTICATED('The token is not valid'),
      );
    });
  });

  it('needs a key set', () => {
    expect(() => createTokenVerifier({})).toThrow('token verification needs JWKS_PATH or JWKS_URL');
  });
});

describe('unauthenticated', () => {
  it('is a 401 UNAUTHENTICATED error with the message given', () => {
    const error = unauthenticated('No token');
    expect(error.message).toBe('No token');
    expect(error.extensions).toStrictEqual({ code: 'UNAUTHENTICATED', http: { status: 401 } });
  });
});
