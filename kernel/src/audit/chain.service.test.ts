import type { Connection } from 'mongoose';
import { connectStore, ensureIndexes } from '../store';
import { dropTestDatabase, openTestDatabase } from '@jol/testkit/service';
import {
  auditEventSchema,
  createAuditEventModel,
  type AuditEventModel,
  type AuditEventRecord,
} from './audit-event.model';
import {
  createAuditChain,
  GENESIS_HASH,
  hashEvent,
  verifyAuditChain,
  type AuditEventInput,
} from './chain';

/** Attacks on a stored chain, each made directly in the database as its administrator could. */

function input(n: number): AuditEventInput {
  return {
    at: new Date(Date.UTC(2026, 2, 1, 10, 0, n)),
    service: 'labour',
    requestId: `request-${n}`,
    callerRequestId: n % 2 ? `caller-${n}` : null,
    sub: `officer-${n}`,
    roles: ['LABOUR_OFFICER'],
    agency: 'labour',
    partner: null,
    purpose: 'EMPLOYMENT_SERVICES',
    operationType: 'query',
    callerOperationName: `Read${n}`,
    callerOperationId: null,
    served: ['Person.employment'],
    refused: n % 2 ? ['Person.skills'] : [],
    failed: [],
    pins: ['10503199012345'],
    outcome: n % 2 ? 'PARTIAL' : 'ALLOWED',
  };
}

/** A different value of the same kind, whatever the path holds. */
function changed(value: unknown): unknown {
  if (typeof value === 'number') return value + 100;
  if (value instanceof Date) return new Date(value.getTime() + 1);
  if (Array.isArray(value)) return [...value, 'Person.extra'];
  if (typeof value === 'string') return value === 'ALLOWED' ? 'DENIED' : `${value}x`;
  if (value === null) return 'x';
  if (typeof value === 'object') return { ...value };
  // A field stored only when it has something (revisions): give it something.
  if (value === undefined)
    return [{ entity: 'Record', id: 'a'.repeat(24), version: 1, change: 'VOIDED', reason: 'x' }];
  throw new Error(`no change defined for ${String(value)}`);
}

describe('the audit chain under attack', () => {
  let connection: Connection;
  let AuditEvent: AuditEventModel;
  const raw = () => connection.db!.collection<Record<string, unknown>>('audit_events');
  const stored = async (seq: number) => (await raw().findOne({ seq }))!;

  beforeEach(async () => {
    connection = await openTestDatabase('chain');
    AuditEvent = createAuditEventModel(connection);
    await AuditEvent.init();
    const chain = createAuditChain(AuditEvent);
    for (let n = 1; n <= 5; n++) await chain.append(input(n));
  });
  afterEach(async () => {
    await dropTestDatabase(connection);
  });

  it('verifies an untouched chain and reports its head', async () => {
    const fifth = await stored(5);
    expect(await verifyAuditChain(AuditEvent)).toEqual({
      ok: true,
      events: 5,
      head: { seq: 5, hash: fifth.hash },
    });
    expect((await stored(1)).prevHash).toBe(GENESIS_HASH);
  });

  // Every path of the model but _id, read from the mongoose schema: a new field is attacked too.
  it.each(Object.keys(auditEventSchema.paths).filter((path) => path !== '_id'))(
    'catches a change of %s in a stored event',
    async (path) => {
      const event = await stored(3);
      await raw().updateOne({ _id: event._id }, { $set: { [path]: changed(event[path]) } });
      const result = await verifyAuditChain(AuditEvent);
      expect(result.ok).toBe(false);
      // A changed seq shows where the gap it leaves is; every other field at the event itself.
      expect(result.brokenAt!.seq).toBe(path === 'seq' ? 4 : 3);
    },
  );

  it('catches a field the model does not have added to a stored event', async () => {
    await raw().updateOne({ seq: 3 }, { $set: { operation: 'Injected' } });
    expect((await verifyAuditChain(AuditEvent)).brokenAt).toEqual({
      seq: 3,
      reason: 'fields the audit does not hash: operation',
    });
  });

  it('catches an event rewritten with a correctly recomputed hash at the next link', async () => {
    const event = (await AuditEvent.findOne({ seq: 3 }).lean<AuditEventRecord>())!;
    const rewritten = { ...event, purpose: 'AUDIT', served: [] };
    await raw().updateOne(
      { _id: event._id },
      { $set: { purpose: 'AUDIT', served: [], hash: hashEvent(rewritten) } },
    );
    const result = await verifyAuditChain(AuditEvent);
    expect(result.brokenAt).toEqual({
      seq: 4,
      reason: 'prevHash does not match the previous event',
    });
  });

  it('catches a deleted event in the middle', async () => {
    await raw().deleteOne({ seq: 3 });
    expect((await verifyAuditChain(AuditEvent)).brokenAt?.seq).toBe(4);
  });

  it('catches two events swapped (each keeping its own content and hash)', async () => {
    const [second, third] = [await stored(2), await stored(3)];
    await raw().deleteMany({ seq: { $in: [2, 3] } });
    await raw().insertMany([
      { ...third, seq: 2 },
      { ...second, seq: 3 },
    ]);
    const result = await verifyAuditChain(AuditEvent);
    expect(result.ok).toBe(false);
    expect(result.brokenAt?.seq).toBe(2);
  });

  it('catches an event inserted with a valid hash of its own', async () => {
    const second = await stored(2);
    // The later events move up one seq; the new third links to the second and hashes correctly.
    for (const seq of [5, 4, 3]) await raw().updateOne({ seq }, { $set: { seq: seq + 1 } });
    const forged = { ...input(9), seq: 3, prevHash: second.hash as string };
    await raw().insertOne({ ...forged, hash: hashEvent(forged) });
    const result = await verifyAuditChain(AuditEvent);
    expect(result.ok).toBe(false);
    expect(result.brokenAt?.seq).toBe(4);
  });

  it('cannot see, on its own, the newest events deleted or the whole tail re-hashed', async () => {
    // Why checkpoints exist: a chain cut short, or rewritten and re-hashed from an event on, is a
    // valid chain. verifyAuditChain catches both only against a signed head (checkpoint tests).
    const head = (await verifyAuditChain(AuditEvent)).head;
    await raw().deleteOne({ seq: 5 });
    expect((await verifyAuditChain(AuditEvent)).ok).toBe(true);
    const result = await verifyAuditChain(AuditEvent, [head]);
    expect(result.ok).toBe(false);
    expect(result.brokenAt).toEqual({
      seq: 5,
      reason: 'the chain ends at seq 4, below its signed checkpoint at seq 5 (truncated)',
    });
  });

  it('catches a tail rewritten and re-hashed against the head it was anchored to', async () => {
    const head = (await verifyAuditChain(AuditEvent)).head;
    let prevHash = (await stored(2)).hash as string;
    for (const seq of [3, 4, 5]) {
      const event = (await AuditEvent.findOne({ seq }).lean<AuditEventRecord>())!;
      const rewritten = { ...event, prevHash, pins: seq === 3 ? [] : event.pins };
      const hash = hashEvent(rewritten);
      await raw().updateOne({ seq }, { $set: { prevHash, pins: rewritten.pins, hash } });
      prevHash = hash;
    }
    expect((await verifyAuditChain(AuditEvent)).ok).toBe(true);
    expect((await verifyAuditChain(AuditEvent, [head])).brokenAt).toEqual({
      seq: 5,
      reason: 'the chain differs from its signed checkpoint (rewritten)',
    });
  });
});

describe('appends from concurrent requests', () => {
  let connection: Connection;
  let AuditEvent: AuditEventModel;

  beforeEach(async () => {
    connection = await openTestDatabase('chain-batch');
    AuditEvent = createAuditEventModel(connection);
    await AuditEvent.init();
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await dropTestDatabase(connection);
  });

  it('are chained in the order asked, written together, each answered with its own event', async () => {
    const inserts = jest.spyOn(AuditEvent.collection, 'insertMany');
    const chain = createAuditChain(AuditEvent);
    const appended = await Promise.all(
      Array.from({ length: 12 }, (_, i) => chain.append(input(i + 1))),
    );
    expect(appended.map((event) => [event.seq, event.requestId])).toEqual(
      Array.from({ length: 12 }, (_, i) => [i + 1, `request-${i + 1}`]),
    );
    // The first is written at once, the eleven that arrived meanwhile in one insert.
    expect(inserts).toHaveBeenCalledTimes(2);
    expect(await verifyAuditChain(AuditEvent)).toMatchObject({ ok: true, events: 12 });
  });

  it('answers no request whose event was not stored', async () => {
    const chain = createAuditChain(AuditEvent, 1);
    jest.spyOn(AuditEvent.collection, 'insertMany').mockRejectedValueOnce(new Error('store down'));
    const results = await Promise.allSettled([chain.append(input(1)), chain.append(input(2))]);
    expect(results[0]).toMatchObject({ status: 'rejected' });
    // The next write is a batch of its own and is stored.
    expect(results[1]).toMatchObject({ status: 'fulfilled', value: { seq: 1 } });
    expect(await verifyAuditChain(AuditEvent)).toMatchObject({ ok: true, events: 1 });
  });
});

describe('appends from two replicas at once', () => {
  let first: Connection;
  let second: Connection;

  beforeEach(async () => {
    first = await openTestDatabase('chain-replicas');
    second = await connectStore({ uri: process.env.MONGODB_URI!, dbName: first.name });
    createAuditEventModel(first);
    // As a subgraph starts: the collection and its indexes (the unique seq among them) first.
    await ensureIndexes(first);
  });
  afterEach(async () => {
    await second.close();
    await dropTestDatabase(first);
  });

  it('keep one chain: every position taken once, every event stored, the links whole', async () => {
    const chains = [
      createAuditChain(createAuditEventModel(first)),
      createAuditChain(createAuditEventModel(second)),
    ];
    // Several waves, so that both replicas batch appends and race for the same positions.
    for (let wave = 0; wave < 5; wave++) {
      await Promise.all(
        Array.from({ length: 16 }, (_, i) => chains[i % 2]!.append(input(wave * 16 + i + 1))),
      );
    }
    const stored = await createAuditEventModel(first)
      .find({}, { seq: 1, requestId: 1 })
      .sort({ seq: 1 })
      .lean<AuditEventRecord[]>();
    expect(stored.map((e) => e.seq)).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    expect(new Set(stored.map((e) => e.requestId)).size).toBe(80);
    expect(await verifyAuditChain(createAuditEventModel(first))).toMatchObject({
      ok: true,
      events: 80,
    });
  });
});
