import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphQLError } from 'graphql';
import { createTokenVerifier } from './jwt';
import { gatewayPersonRegister } from './person-register';

/** A fake gateway: records what it was sent and answers with `reply`. */
function fakeGateway(reply: (body: { variables: Record<string, string> }) => Response) {
  const sent: { headers: Record<string, string>; body: { variables: Record<string, string> } }[] =
    [];
  const fetchImpl = (async (_url: unknown, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as { variables: Record<string, string> };
    sent.push({ headers: init?.headers as Record<string, string>, body });
    return reply(body);
  }) as typeof fetch;
  return { sent, fetchImpl };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('gatewayPersonRegister', () => {
  const keys = generateKeyPairSync('ed25519');
  const registerOf = (fetchImpl: typeof fetch) =>
    gatewayPersonRegister({
      gatewayUrl: 'http://gateway.test:4000/',
      privateKey: keys.privateKey,
      agency: 'pensions',
      fetch: fetchImpl,
    })({ headers: { 'x-request-id': 'jol-req-7', authorization: 'Bearer partner' }, loaders: {} });

  it('asks once for every PIN of a request, under a service token, naming the request it serves', async () => {
    const gateway = fakeGateway(() =>
      json(200, { data: { s0: { birthDate: '1962-03-03', stayCountries: ['RU'] }, s1: null } }),
    );
    const register = registerOf(gateway.fetchImpl);
    const answers = await Promise.all([
      register.find('20303196200031'),
      register.find('10404198500032'),
    ]);
    expect(answers).toEqual([
      { kind: 'registered', birthDate: new Date('1962-03-03T00:00:00Z'), stayCountries: ['RU'] },
      { kind: 'unknown' },
    ]);
    expect(gateway.sent).toHaveLength(1);
    const [{ headers, body }] = gateway.sent as [(typeof gateway.sent)[number]];
    expect(body.variables).toEqual({ p0: '20303196200031', p1: '10404198500032' });
    expect(headers['x-purpose']).toBe('WRITE_CHECK');
    expect(headers['x-request-id']).toBe('jol-req-7');
    // Never the caller's own token: the service's, which the services' public key verifies.
    expect(headers.authorization).not.toBe('Bearer partner');
    const jwksPath = join(mkdtempSync(join(tmpdir(), 'jol-register-')), 'jwks.json');
    const idp = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' });
    writeFileSync(jwksPath, JSON.stringify({ keys: [{ ...idp, kid: 'idp', alg: 'EdDSA' }] }));
    const verify = createTokenVerifier({ jwksPath, servicePublicKey: keys.publicKey });
    await expect(verify(headers.authorization!.slice('Bearer '.length))).resolves.toEqual({
      sub: 'service:pensions',
      roles: ['SUBJECT_DIRECTORY'],
      agency: 'pensions',
    });
  });

  it.each<[string, () => Response]>([
    [
      'a refusal of the lookup',
      () => json(200, { data: { s0: null }, errors: [{ message: 'x' }] }),
    ],
    ['a 401', () => json(401, { errors: [{ message: 'The token is not valid' }] })],
    ['a 503', () => json(503, { errors: [{ message: 'down' }] })],
    ['an answer without the alias', () => json(200, { data: {} })],
    [
      'an answer without the countries of stays',
      () => json(200, { data: { s0: { birthDate: '1962-03-03' } } }),
    ],
    ['a body that is not JSON', () => new Response('<html>', { status: 200 })],
  ])('fails closed on %s (SERVICE_UNAVAILABLE, never "unknown")', async (_case, reply) => {
    const register = registerOf(fakeGateway(reply).fetchImpl);
    const answer = register.find('20303196200031');
    await expect(answer).rejects.toBeInstanceOf(GraphQLError);
    await expect(answer).rejects.toMatchObject({
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
  });
});
