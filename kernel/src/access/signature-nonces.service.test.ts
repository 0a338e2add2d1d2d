import type { Connection } from 'mongoose';
import { connectStore } from '../store';
import { dropTestDatabase, openTestDatabase, prepareTestDatabase } from '@jol/testkit/service';
import { createStoredNonces } from './signature-nonces';

/**
 * The nonce cache on the real store, as two replicas of one subgraph use it: two connections to
 * the same database, each with its own model, racing for the same nonces.
 */
describe('createStoredNonces', () => {
  let first: Connection;
  let second: Connection;

  beforeAll(async () => {
    first = await openTestDatabase('nonces');
    second = await connectStore({ uri: process.env.MONGODB_URI!, dbName: first.name });
    createStoredNonces(first);
    createStoredNonces(second);
    await prepareTestDatabase(first);
  });
  afterAll(async () => {
    await second.close();
    await dropTestDatabase(first);
  });

  const expiresAt = new Date(Date.now() + 60_000);

  it('lets a nonce be claimed once, whichever replica claims it again', async () => {
    const a = createStoredNonces(first);
    const b = createStoredNonces(second);
    expect(await a.claim('nonce-once-0000000001', 'k1', expiresAt)).toBe(true);
    expect(await b.claim('nonce-once-0000000001', 'k1', expiresAt)).toBe(false);
    expect(await a.claim('nonce-once-0000000001', 'k1', expiresAt)).toBe(false);
    // Under another key id too: a nonce is single-use whatever key signed it.
    expect(await b.claim('nonce-once-0000000001', 'k2', expiresAt)).toBe(false);
    expect(await b.claim('nonce-once-0000000002', 'k1', expiresAt)).toBe(true);
  });

  it('grants exactly one of many simultaneous claims of one nonce across replicas', async () => {
    const stores = [createStoredNonces(first), createStoredNonces(second)];
    const claims = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        stores[i % 2]!.claim('nonce-raced-000000001', 'k1', expiresAt),
      ),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it('claims arriving together share inserts, and each is answered for its own nonce', async () => {
    const store = createStoredNonces(first);
    expect(await store.claim('nonce-batch-used-0001', 'k1', expiresAt)).toBe(true);
    const inserts = jest.spyOn(store.model.collection, 'insertMany');
    try {
      const nonces = [
        'nonce-batch-0000000001',
        'nonce-batch-used-0001',
        'nonce-batch-0000000002',
        'nonce-batch-0000000001',
        'nonce-batch-0000000003',
      ];
      const claims = await Promise.all(nonces.map((n) => store.claim(n, 'k1', expiresAt)));
      // Five claims, every nonce sent, in fewer inserts (those that arrive during one go together).
      const sent = inserts.mock.calls.map((call) => (call[0] as unknown[]).length);
      expect(sent.reduce((a, b) => a + b, 0)).toBe(5);
      expect(sent.length).toBeLessThan(5);
      expect(claims).toEqual([true, false, true, false, true]);
    } finally {
      inserts.mockRestore();
    }
  });

  it('keeps nonces under a TTL index on their expiry, so the store forgets them', async () => {
    const indexes = await first.collection('signature_nonces').indexes();
    expect(indexes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: { expiresAt: 1 }, expireAfterSeconds: 0 }),
      ]),
    );
    const stored = await first
      .collection<{ _id: string }>('signature_nonces')
      .findOne({ _id: 'nonce-once-0000000002' });
    expect(stored).toEqual({ _id: 'nonce-once-0000000002', keyId: 'k1', expiresAt });
  });

  it('passes a store failure on rather than answering for the nonce', async () => {
    const closed = await connectStore({ uri: process.env.MONGODB_URI!, dbName: first.name });
    const store = createStoredNonces(closed);
    await closed.close();
    await expect(store.claim('nonce-closed-00000001', 'k1', expiresAt)).rejects.toThrow();
  });
});
