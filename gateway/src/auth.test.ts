import type { AddressInfo } from 'node:net';
import express from 'express';
import { identityProviderUnavailable, unauthenticated, type TokenVerifier } from '@jol/kernel';
import { createAuthMiddleware } from './auth';

/** The middleware in front of a route that answers 200, on a free loopback port. */
async function serve(verify: TokenVerifier) {
  const app = express();
  app.use(createAuthMiddleware(verify));
  app.get('/', (_req, res) => res.json({ ok: true }));
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { url, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('the gateway token check', () => {
  it.each<[string, () => Promise<never>, number, string, string]>([
    [
      'a token the verifier refuses',
      () => Promise.reject(unauthenticated('The token has expired')),
      401,
      'UNAUTHENTICATED',
      'The token has expired',
    ],
    [
      'an identity provider whose keys cannot be fetched',
      () => Promise.reject(identityProviderUnavailable()),
      503,
      'SERVICE_UNAVAILABLE',
      "The identity provider's keys cannot be fetched now, so no token can be checked; send the request again later",
    ],
    [
      'a verifier failing in an unforeseen way (its message stays inside)',
      () => Promise.reject(new Error('ECONNRESET at /srv/jol/node_modules/jose/dist/remote.js')),
      401,
      'UNAUTHENTICATED',
      'The token is not valid',
    ],
  ])('answers %s with a typed JSON error', async (_what, verify, status, code, message) => {
    const server = await serve(verify);
    try {
      const response = await fetch(server.url, { headers: { authorization: 'Bearer a.b.c' } });
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.headers.get('retry-after')).toBe(status === 503 ? '30' : null);
      expect(await response.json()).toEqual({ errors: [{ message, extensions: { code } }] });
    } finally {
      await server.close();
    }
  });
});
