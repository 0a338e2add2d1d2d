import express from 'express';
import { listen, type Caller, type RunningServer } from '@jol/kernel';
import { callerKey, clientAddressKey, createRateLimits, type RateLimitScope } from './rate-limits';
import { DEFAULT_ISOLATION } from './settings';

describe('callerKey', () => {
  it('keys a partner institution by its code, whatever the token, and others by sub', () => {
    expect(callerKey({ sub: 'a', roles: ['PARTNER'], partner: 'RU-SFR' })).toBe('partner:RU-SFR');
    expect(callerKey({ sub: 'b', roles: ['PARTNER'], partner: 'RU-SFR' })).toBe('partner:RU-SFR');
    expect(callerKey({ sub: 'a', roles: ['ANALYST'] })).toBe('sub:a');
    // A sub that reads like a partner key stays in the sub namespace.
    expect(callerKey({ sub: 'partner:RU-SFR', roles: ['ANALYST'] })).toBe('sub:partner:RU-SFR');
  });
});

describe('clientAddressKey', () => {
  it.each([
    ['203.0.113.7', 'ip:203.0.113.7'],
    ['::ffff:203.0.113.7', 'ip:203.0.113.7'],
    ['2001:db8:1:2:aaaa::1', 'ip:2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002:ffff:ffff:ffff:ffff', 'ip:2001:db8:1:2::/64'],
    ['2001:db8::5', 'ip:2001:db8:0:0::/64'],
    ['::1', 'ip:0:0:0:0::/64'],
    ['fe80::1%eth0', 'ip:fe80:0:0:0::/64'],
    [undefined, 'ip:unknown'],
    ['not an address', 'ip:unknown'],
  ])('counts %s under %s', (address, key) => {
    expect(clientAddressKey(address)).toBe(key);
  });
});

/** Tokens of this test: `<sub>.<role>[.<partner>]`; anything else does not verify. */
function callerOf(token: string): Caller | null {
  const [sub, role, partner] = token.split('.');
  if (!sub || !role) return null;
  return { sub, roles: role.split('+'), ...(partner ? { partner } : {}) };
}

describe('the rate-limit middlewares around token verification', () => {
  let running: RunningServer;
  let verified = 0;
  const refused: RateLimitScope[] = [];
  const limits = {
    ...DEFAULT_ISOLATION.rateLimits.limits,
    ANALYST: 3,
    AUDITOR: 5,
    PARTNER: 4,
    ANONYMOUS: 2,
  };

  beforeAll(async () => {
    const { beforeAuth, afterAuth } = createRateLimits(
      { windowSeconds: 60, limits },
      { refused: (scope) => refused.push(scope) },
    );
    const app = express();
    app.use(
      '/graphql',
      beforeAuth,
      (req, res, next) => {
        verified += 1;
        const caller = callerOf(String(req.headers.authorization ?? ''));
        if (!caller) {
          res.status(401).json({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
          return;
        }
        res.locals.caller = caller;
        next();
      },
      afterAuth,
      (_req, res) => {
        res.json({ data: { ok: true } });
      },
    );
    running = await listen(app, 0, '127.0.0.1');
  });
  afterAll(async () => {
    await running.close();
  });

  const send = async (token: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${running.url}/graphql`, {
      method: 'POST',
      headers: { authorization: token, 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: '{ a: x b: x }' }),
    });
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: (await response.json()) as {
        errors?: { message: string; extensions: { code: string } }[];
      },
    };
  };

  it('refuses a caller past its role limit with 429, Retry-After and RATE_LIMITED, whatever else it changes', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      statuses.push(
        (await send('ana.ANALYST', { 'x-request-id': `r${i}`, 'x-purpose': `P${i}` })).status,
      );
    }
    expect(statuses).toEqual([200, 200, 200]);
    const refusal = await send('ana.ANALYST', { 'x-request-id': 'fresh', 'x-purpose': 'OTHER' });
    expect(refusal.status).toBe(429);
    expect(Number(refusal.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(refusal.retryAfter)).toBeLessThanOrEqual(60);
    expect(refusal.body.errors?.[0]?.extensions.code).toBe('RATE_LIMITED');
    expect(refusal.body.errors?.[0]?.message).toMatch(
      /^Too many requests: 3 per 60 s for ANALYST; try again in \d+ s$/,
    );
    expect(refused).toContain('ANALYST');
  });

  it('leaves another caller of the same role its own budget', async () => {
    expect((await send('bob.ANALYST')).status).toBe(200);
  });

  it('gives a caller with several roles the most generous limit, one budget by sub', async () => {
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await send('multi.ANALYST+AUDITOR')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it("counts every token of one partner institution against the institution's budget", async () => {
    const statuses = [];
    for (const sub of ['p1', 'p2', 'p3', 'p4', 'p5'])
      statuses.push((await send(`${sub}.PARTNER.KZ-ENPF`)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    expect((await send('p6.PARTNER.RU-SFR')).status).toBe(200);
  });

  it('gives a verified request its anonymous point back, and refuses bad tokens of an address before verifying them', async () => {
    // Far more verified requests than the anonymous budget: none is counted against the address.
    for (let i = 0; i < 6; i++) expect((await send(`v${i}.AUDITOR`)).status).toBe(200);
    expect((await send('garbage')).status).toBe(401);
    expect((await send('garbage')).status).toBe(401);
    const before = verified;
    const refusal = await send('still-garbage');
    expect(refusal.status).toBe(429);
    expect(refusal.body.errors?.[0]?.extensions.code).toBe('RATE_LIMITED');
    expect(refusal.retryAfter).not.toBeNull();
    expect(verified).toBe(before);
    expect(refused).toContain('ANONYMOUS');
  });
});
