import { createSignatureVerifier, type NonceStore, type SigningKeys } from '@jol/schema';
import { createSigningFetcher } from './data-source';

const KEYS: SigningKeys = [
  { id: 'current', secret: 'gateway-data-source-current-secret-0000' },
  { id: 'previous', secret: 'gateway-data-source-previous-secret-000' },
];

const anyNonce: NonceStore = { claim: async () => true };

/** Sends one request through the signing fetcher and returns what reached the network. */
async function sent(target: string) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetcher = createSigningFetcher(KEYS, target, (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response('{}', { status: 200 });
  }) as unknown as typeof fetch);
  await fetcher('http://127.0.0.1:4002/graphql', {
    method: 'POST',
    body: '{"query":"{ _service { sdl } }"}',
    headers: {
      'content-type': 'application/json',
      authorization: 'Bearer caller',
      'x-purpose': 'EMPLOYMENT_SERVICES',
      'x-request-id': 'req-9',
    },
  });
  const { init } = calls[0]!;
  return {
    method: String(init.method),
    path: '/graphql',
    body: String(init.body),
    headers: init.headers as Record<string, string>,
  };
}

describe('createSigningFetcher', () => {
  it('signs with the first key, for the subgraph it was made for, over what it sends', async () => {
    const request = await sent('labour');
    expect(request.headers).toMatchObject({
      authorization: 'Bearer caller',
      'x-purpose': 'EMPLOYMENT_SERVICES',
      'x-request-id': 'req-9',
      'x-jol-key-id': 'current',
    });
    const labour = createSignatureVerifier({ audience: 'labour', keys: KEYS, nonces: anyNonce });
    expect(await labour(request)).toEqual({ ok: true, keyId: 'current' });
    const health = createSignatureVerifier({ audience: 'health', keys: KEYS, nonces: anyNonce });
    expect(await health(request)).toEqual({ ok: false, reason: 'bad signature' });
  });
});
