import { createHash } from 'node:crypto';
import type { AuditEventModel, AuditEventRecord } from './audit-event.model';
import {
  createAuditChain,
  GENESIS_HASH,
  linkEvents,
  verifyAuditChain,
  verifyChainEvents,
  type AuditEventInput,
} from './chain';

/**
 * The append's chaining and its races, against an in-memory stand-in for the audit collection that
 * does what the store guarantees: a unique seq, and an ordered insert that keeps the events before
 * the first taken seq. The service test runs the same appends against the real store.
 */

function input(n: number): AuditEventInput {
  return {
    at: new Date(Date.UTC(2026, 2, 1, 10, 0, n)),
    service: 'labour',
    requestId: `request-${n}`,
    callerRequestId: null,
    sub: 'officer-1',
    roles: ['LABOUR_OFFICER'],
    agency: 'labour',
    partner: null,
    purpose: 'EMPLOYMENT_SERVICES',
    operationType: 'query',
    callerOperationName: null,
    callerOperationId: null,
    served: ['Person.employment'],
    refused: [],
    failed: [],
    pins: ['10503199012345'],
    outcome: 'ALLOWED',
  };
}

const duplicateKey = () => Object.assign(new Error('E11000 duplicate key: seq'), { code: 11000 });

type SortSpec = Partial<Record<'seq', 1 | -1>>;

/**
 * A read over the stand-in's events, sorted only when asked: unsorted, they come in the order
 * they were stored, newest first (the store promises no order either).
 */
function query(rows: () => AuditEventRecord[], failure?: Error) {
  let spec: SortSpec = {};
  const sorted = () => {
    const dir = spec.seq;
    const all = rows();
    return dir === undefined ? all : [...all].sort((a, b) => dir * (a.seq - b.seq));
  };
  const read = {
    sort(given: SortSpec) {
      spec = given;
      return read;
    },
    lean: () => read,
    then: <T>(resolve: (rows: AuditEventRecord[]) => T, reject?: (error: unknown) => T) =>
      (failure ? Promise.reject(failure) : Promise.resolve(sorted())).then(resolve, reject),
    catch: <T>(handle: (error: unknown) => T) =>
      failure ? Promise.reject(failure).catch(handle) : Promise.resolve(sorted()),
    async *cursor() {
      yield* sorted();
    },
  };
  return read;
}

/** The audit collection as the chain uses it, with hooks to race it or make it fail. */
function memoryStore() {
  // Newest first, so that a read that forgets to sort by seq reads the chain backwards.
  const events: AuditEventRecord[] = [];
  const inserts: number[] = [];
  const hooks = {
    /** Runs before each insert, as another replica's write landing first would. */
    beforeInsert: undefined as (() => void) | undefined,
    insertError: undefined as Error | undefined,
    findError: undefined as Error | undefined,
  };
  const insert = (records: AuditEventRecord[]) => {
    for (const record of records) {
      if (events.some((e) => e.seq === record.seq)) throw duplicateKey();
      events.unshift(structuredClone(record));
    }
  };
  const model = {
    findOne: (_filter: object, projection: object) => {
      const read = query(() => events);
      return {
        sort: (spec: SortSpec) => ({
          lean: async () => {
            const [first] = await read.sort(spec);
            return first === undefined ? null : projected(first, projection);
          },
        }),
      };
    },
    find: (filter: { hash?: { $in: string[] } }) =>
      query(
        () => events.filter((e) => !filter.hash || filter.hash.$in.includes(e.hash)),
        filter.hash ? hooks.findError : undefined,
      ),
    collection: {
      insertMany: async (records: AuditEventRecord[], options: { ordered: boolean }) => {
        expect(options).toEqual({ ordered: true });
        inserts.push(records.length);
        hooks.beforeInsert?.();
        if (hooks.insertError) throw hooks.insertError;
        insert(records);
      },
    },
  };
  return {
    AuditEvent: model as unknown as AuditEventModel,
    events,
    inserts,
    hooks,
    /** Another writer's event stored at `seq`, linked to whatever it was given. */
    storeForeign(seq: number, prevHash: string) {
      const [record] = linkEvents({ seq: seq - 1, hash: prevHash }, [input(100 + seq)]);
      insert([record!]);
      return record!;
    },
    bySeq: () => [...events].sort((a, b) => a.seq - b.seq),
  };
}

/** The fields a projection such as `{ seq: 1, hash: 1 }` asks for; all of them for `{}`. */
function projected(record: AuditEventRecord, projection: object): Partial<AuditEventRecord> {
  const keys = Object.keys(projection);
  if (keys.length === 0) return record;
  return Object.fromEntries(keys.map((key) => [key, record[key as keyof AuditEventRecord]]));
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('linkEvents', () => {
  it('gives each event the next seq and the hash of the one before', () => {
    const tail = { seq: 41, hash: 'ab'.repeat(32) };
    const records = linkEvents(tail, [input(1), input(2), input(3)]);
    expect(records.map((r) => r.seq)).toEqual([42, 43, 44]);
    expect(records.map((r) => r.prevHash)).toEqual([tail.hash, records[0]!.hash, records[1]!.hash]);
    expect(new Set(records.map((r) => r.hash)).size).toBe(3);
    expect(records[1]).toMatchObject(input(2));
  });

  it('hashes the exact bytes of the event (a golden value, not the code under test)', () => {
    const [first] = linkEvents({ seq: 0, hash: GENESIS_HASH }, [input(1)]);
    const bytes =
      '[1,"2026-03-01T10:00:01.000Z","labour","request-1",null,"officer-1",["LABOUR_OFFICER"],' +
      '"labour",null,"EMPLOYMENT_SERVICES","query",null,null,["Person.employment"],[],[],' +
      `["10503199012345"],null,"ALLOWED","${GENESIS_HASH}"]`;
    expect(first).toMatchObject({ seq: 1, prevHash: GENESIS_HASH, hash: sha256(bytes) });
  });

  it('links nothing when nothing is given', () => {
    expect(linkEvents({ seq: 3, hash: GENESIS_HASH }, [])).toEqual([]);
  });
});

describe('createAuditChain', () => {
  it('starts a chain at seq 1 from the genesis hash and chains each append after the last', async () => {
    const store = memoryStore();
    const chain = createAuditChain(store.AuditEvent);
    const first = await chain.append(input(1));
    const second = await chain.append(input(2));
    expect(first).toMatchObject({ seq: 1, prevHash: GENESIS_HASH, requestId: 'request-1' });
    expect(second).toMatchObject({ seq: 2, prevHash: first.hash, requestId: 'request-2' });
    expect(await verifyChainEvents(store.bySeq())).toMatchObject({ ok: true, events: 2 });
  });

  it("continues a chain already stored, after its last event's seq and hash", async () => {
    const store = memoryStore();
    const stored = store.storeForeign(7, 'cd'.repeat(32));
    const appended = await createAuditChain(store.AuditEvent).append(input(1));
    expect(appended).toMatchObject({ seq: 8, prevHash: stored.hash });
  });

  it.each([
    [12, 100, [1, 11]],
    [12, 5, [1, 5, 5, 1]],
    [3, 1, [1, 1, 1]],
  ])(
    '%i appends at once, at most %i an insert: written as %j, in the order asked',
    async (count, maxBatch, inserts) => {
      const store = memoryStore();
      const chain = createAuditChain(store.AuditEvent, 20, maxBatch);
      const appended = await Promise.all(
        Array.from({ length: count }, (_, i) => chain.append(input(i + 1))),
      );
      expect(store.inserts).toEqual(inserts);
      expect(appended.map((e) => [e.seq, e.requestId])).toEqual(
        Array.from({ length: count }, (_, i) => [i + 1, `request-${i + 1}`]),
      );
      expect(await verifyChainEvents(store.bySeq())).toMatchObject({ ok: true, events: count });
    },
  );

  it('chains after the event another replica stored first, re-reading the tail', async () => {
    const store = memoryStore();
    const chain = createAuditChain(store.AuditEvent);
    const first = await chain.append(input(1));
    let foreign: AuditEventRecord | undefined;
    store.hooks.beforeInsert = () => {
      store.hooks.beforeInsert = undefined;
      foreign = store.storeForeign(2, first.hash);
    };
    const second = await chain.append(input(2));
    expect(second).toMatchObject({ seq: 3, prevHash: foreign!.hash, requestId: 'request-2' });
    expect(store.inserts).toEqual([1, 1, 1]);
    expect(await verifyChainEvents(store.bySeq())).toMatchObject({ ok: true, events: 3 });
  });

  it('keeps the events stored before a taken seq and chains the rest after the new tail', async () => {
    const store = memoryStore();
    const chain = createAuditChain(store.AuditEvent);
    // The first append is written alone; the three asked meanwhile go in one insert at seqs 2-4,
    // and another replica takes seq 3 just before it: the insert stores seq 2 and stops.
    store.hooks.beforeInsert = () => {
      if (store.inserts.length === 2) store.storeForeign(3, 'ef'.repeat(32));
    };
    const appended = await Promise.all([1, 2, 3, 4].map((n) => chain.append(input(n))));
    const foreign = store.events.find((e) => e.seq === 3)!;
    expect(appended.map((e) => [e.seq, e.requestId])).toEqual([
      [1, 'request-1'],
      [2, 'request-2'],
      [4, 'request-3'],
      [5, 'request-4'],
    ]);
    expect(appended[2]!.prevHash).toBe(foreign.hash);
    expect(appended[3]!.prevHash).toBe(appended[2]!.hash);
    // The stored event is answered as it was stored, not written again.
    expect(store.inserts).toEqual([1, 3, 2]);
    expect(store.events.filter((e) => e.requestId === 'request-2')).toHaveLength(1);
  });

  it('writes every waiting event again when it cannot tell which were stored', async () => {
    const store = memoryStore();
    const chain = createAuditChain(store.AuditEvent);
    await chain.append(input(1));
    store.hooks.findError = new Error('store unreachable');
    store.hooks.beforeInsert = () => {
      store.hooks.beforeInsert = undefined;
      store.storeForeign(2, 'ef'.repeat(32));
    };
    const appended = await chain.append(input(2));
    expect(appended).toMatchObject({ seq: 3, requestId: 'request-2' });
  });

  it('answers no append whose event was not stored, and reads the tail again after', async () => {
    const store = memoryStore();
    const chain = createAuditChain(store.AuditEvent);
    await chain.append(input(1));
    store.hooks.insertError = new Error('store down');
    const failed = await Promise.allSettled([chain.append(input(2)), chain.append(input(3))]);
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(store.events).toHaveLength(1);
    // Another replica writes meanwhile: the next append links to its event, not to the tail
    // this process last knew.
    store.hooks.insertError = undefined;
    const foreign = store.storeForeign(2, store.events[0]!.hash);
    expect(await chain.append(input(4))).toMatchObject({ seq: 3, prevHash: foreign.hash });
  });

  it.each([1, 3])('gives up after %i attempts at positions always taken', async (attempts) => {
    const store = memoryStore();
    const chain = createAuditChain(store.AuditEvent, attempts);
    store.hooks.insertError = duplicateKey();
    await expect(chain.append(input(1))).rejects.toMatchObject({ code: 11000 });
    expect(store.inserts).toHaveLength(attempts);
    // The chain still takes appends once the store does.
    store.hooks.insertError = undefined;
    expect(await chain.append(input(2))).toMatchObject({ seq: 1 });
  });

  it('is verified by reading the stored events in seq order', async () => {
    const store = memoryStore();
    const chain = createAuditChain(store.AuditEvent);
    const appended = await Promise.all([1, 2, 3].map((n) => chain.append(input(n))));
    expect(await verifyAuditChain(store.AuditEvent)).toEqual({
      ok: true,
      events: 3,
      head: { seq: 3, hash: appended[2]!.hash },
    });
    expect(
      (await verifyAuditChain(store.AuditEvent, [{ seq: 4, hash: appended[2]!.hash }])).brokenAt,
    ).toEqual({
      seq: 4,
      reason: 'the chain ends at seq 3, below its signed checkpoint at seq 4 (truncated)',
    });
  });
});
