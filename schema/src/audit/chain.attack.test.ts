import { Types, type Schema } from 'mongoose';
import { auditEventSchema } from './audit-event.model';
import {
  GENESIS_HASH,
  hashEvent,
  linkEvents,
  verifyChainEvents,
  type AuditEventInput,
  type ChainAnchor,
} from './chain';

/**
 * Attacks on a stored chain, as its database's administrator could make them, against the
 * verification alone: the chain is a plain array of events in seq order, as the store's cursor
 * reads them. The service test runs the same attacks through the store.
 */

type Stored = Record<string, unknown>;

function input(n: number): AuditEventInput {
  return {
    at: new Date(Date.UTC(2026, 2, 1, 10, 0, n)),
    service: 'labour',
    requestId: `request-${n}`,
    callerRequestId: n % 2 ? `caller-${n}` : null,
    sub: `officer-${n}`,
    roles: ['LABOUR_OFFICER'],
    agency: 'labour',
    partner: n === 3 ? 'BANK-1' : null,
    purpose: 'EMPLOYMENT_SERVICES',
    operationType: 'query',
    callerOperationName: `Read${n}`,
    callerOperationId: n === 3 ? 'a'.repeat(64) : null,
    served: ['Person.employment'],
    refused: n % 2 ? ['Person.skills'] : [],
    failed: n === 3 ? ['Mutation.recordSkill'] : [],
    pins: ['10503199012345', `1050319901234${n}`],
    // The third event carries every optional part, so each of its fields can be attacked.
    ...(n === 3
      ? {
          revisions: [
            {
              entity: 'EmploymentRecord',
              id: '0123456789abcdef01234567',
              version: 2,
              change: 'VOIDED' as const,
              reason: 'Entered in error',
            },
          ],
          searches: [
            {
              name: 'Almaz',
              birthDate: '1990-01-01',
              region: 'KG-B',
              found: ['10503199012345'],
            },
          ],
        }
      : {}),
    outcome: n % 2 ? 'PARTIAL' : 'ALLOWED',
  };
}

/** Five events as the store holds them: linked from the genesis hash, each with its _id. */
function storedChain(length = 5): Stored[] {
  return linkEvents(
    { seq: 0, hash: GENESIS_HASH },
    Array.from({ length }, (_, i) => input(i + 1)),
  ).map((record) => ({ _id: new Types.ObjectId(), ...record }));
}

/** The order the store's cursor reads a chain in. */
const bySeq = (events: Stored[]) =>
  [...events].sort((a, b) => (a.seq as number) - (b.seq as number));

const verify = (events: Stored[], anchors?: ChainAnchor[]) =>
  verifyChainEvents(bySeq(events), anchors);

/** An event whose content was changed and whose own hash was recomputed to match. */
function rehashed(event: Stored, change: Stored): Stored {
  const { _id, hash: _old, ...content } = { ...event, ...change };
  return { _id, ...content, hash: hashEvent(content as never) };
}

/** A different value of the same kind, whatever the path holds. */
function changed(value: unknown): unknown {
  if (typeof value === 'number') return value + 100;
  if (value instanceof Date) return new Date(value.getTime() + 1);
  if (value instanceof Types.ObjectId) return new Types.ObjectId();
  // A list of records (revisions, searches) gets a copy of its first; a list of names one more.
  if (Array.isArray(value))
    return typeof value[0] === 'object' ? [...value, { ...value[0] }] : [...value, 'Person.extra'];
  if (typeof value === 'string') return value === 'PARTIAL' ? 'DENIED' : `${value}x`;
  if (value === null) return 'x';
  throw new Error(`no change defined for ${String(value)}`);
}

/** The paths of the model's stored values, read from the mongoose schema (not from chain.ts). */
const paths = (schema: Schema) => Object.keys(schema.paths);
const STORED_PATHS = paths(auditEventSchema);
const subPaths = (path: string) =>
  paths((auditEventSchema.path(path) as unknown as { schema: Schema }).schema);

/** Rewrites an attacker would want, each a valid value of its field. */
const REWRITES: [string, Stored][] = [
  ['purpose', { purpose: 'AUDIT' }],
  ['served', { served: [] }],
  ['pins', { pins: ['10503199012345'] }],
  ['outcome', { outcome: 'DENIED' }],
  ['revisions', { revisions: undefined }],
];

describe('verifyChainEvents', () => {
  it('verifies an untouched chain and reports its head', async () => {
    const chain = storedChain();
    expect(await verify(chain)).toEqual({
      ok: true,
      events: 5,
      head: { seq: 5, hash: chain[4]!.hash },
    });
  });

  it('verifies an empty chain, its head the genesis hash', async () => {
    expect(await verifyChainEvents([])).toEqual({
      ok: true,
      events: 0,
      head: { seq: 0, hash: GENESIS_HASH },
    });
  });

  it('reads the events from an async source as well (the store cursor)', async () => {
    const chain = storedChain(3);
    async function* cursor() {
      yield* chain;
    }
    expect(await verifyChainEvents(cursor())).toMatchObject({ ok: true, events: 3 });
  });

  // Every path of the model, read from the mongoose schema: a new field is attacked too.
  it.each(STORED_PATHS.filter((path) => path !== '_id'))(
    'catches a change of %s in a stored event',
    async (path) => {
      const chain = storedChain();
      chain[2] = { ...chain[2], [path]: changed(chain[2]![path]) };
      const result = await verify(chain);
      // Nothing before the changed event is doubted.
      expect(result).toMatchObject({ ok: false, head: { seq: 2, hash: chain[1]!.hash } });
      if (path === 'seq') {
        // The event moves to the end: the gap it leaves is seen at the next one.
        expect(result.brokenAt).toEqual({
          seq: 4,
          reason: 'expected seq 3: an event is missing or out of place',
        });
      } else if (path === 'prevHash') {
        expect(result.brokenAt).toEqual({
          seq: 3,
          reason: 'prevHash does not match the previous event',
        });
      } else {
        expect(result.brokenAt).toEqual({ seq: 3, reason: 'content does not match its hash' });
      }
    },
  );

  it.each(
    ['revisions', 'searches'].flatMap((list) =>
      subPaths(list).map((field) => [list, field] as const),
    ),
  )('catches a change of %s.%s in a stored event', async (list, field) => {
    const chain = storedChain();
    const entries = chain[2]![list] as Stored[];
    chain[2] = { ...chain[2], [list]: [{ ...entries[0], [field]: changed(entries[0]![field]) }] };
    expect((await verify(chain)).brokenAt).toEqual({
      seq: 3,
      reason: 'content does not match its hash',
    });
  });

  it.each(['revisions', 'searches'])('catches %s taken from a stored event', async (list) => {
    const chain = storedChain();
    const { [list]: _taken, ...without } = chain[2]!;
    chain[2] = without;
    expect((await verify(chain)).brokenAt).toEqual({
      seq: 3,
      reason: 'content does not match its hash',
    });
  });

  it.each(['revisions', 'searches'])('catches %s added to a stored event', async (list) => {
    const chain = storedChain();
    chain[1] = { ...chain[1], [list]: chain[2]![list] };
    expect((await verify(chain)).brokenAt).toEqual({
      seq: 2,
      reason: 'content does not match its hash',
    });
  });

  it('does not doubt an event whose _id alone changed (a copied chain keeps its hashes)', async () => {
    const chain = storedChain();
    chain[2] = { ...chain[2], _id: new Types.ObjectId() };
    expect((await verify(chain)).ok).toBe(true);
  });

  it('catches a field the model does not have added to a stored event', async () => {
    const chain = storedChain();
    chain[2] = { ...chain[2], operation: 'Injected', note: 'x' };
    expect(await verify(chain)).toEqual({
      ok: false,
      events: 3,
      head: { seq: 2, hash: chain[1]!.hash },
      brokenAt: { seq: 3, reason: 'fields the audit does not hash: operation, note' },
    });
  });

  it.each(REWRITES)(
    'catches an event rewritten (%s) with a correctly recomputed hash at the next link',
    async (_field, change) => {
      const chain = storedChain();
      chain[2] = rehashed(chain[2]!, change);
      expect(await verify(chain)).toEqual({
        ok: false,
        events: 4,
        head: { seq: 3, hash: chain[2].hash },
        brokenAt: { seq: 4, reason: 'prevHash does not match the previous event' },
      });
    },
  );

  it('catches the last event rewritten with its hash recomputed only against a signed head', async () => {
    const chain = storedChain();
    const head = { seq: 5, hash: chain[4]!.hash as string };
    chain[4] = rehashed(chain[4]!, { pins: [] });
    // Nothing links to the last event: only a checkpoint can tell.
    expect((await verify(chain)).ok).toBe(true);
    expect((await verify(chain, [head])).brokenAt).toEqual({
      seq: 5,
      reason: 'the chain differs from its signed checkpoint (rewritten)',
    });
  });

  it.each<[string, (chain: Stored[]) => Stored[], { seq: number; reason: string }, number]>([
    [
      'the first event deleted',
      (c) => c.slice(1),
      { seq: 2, reason: 'expected seq 1: an event is missing or out of place' },
      1,
    ],
    [
      'an event deleted in the middle',
      (c) => [...c.slice(0, 2), ...c.slice(3)],
      { seq: 4, reason: 'expected seq 3: an event is missing or out of place' },
      3,
    ],
    [
      'two events swapped, each keeping its content and hash',
      (c) => [c[0]!, { ...c[2]!, seq: 2 }, { ...c[1]!, seq: 3 }, c[3]!, c[4]!],
      { seq: 2, reason: 'prevHash does not match the previous event' },
      2,
    ],
    [
      'two events swapped in the order read, seqs unchanged',
      (c) => [c[0]!, c[2]!, c[1]!, c[3]!, c[4]!],
      { seq: 3, reason: 'expected seq 2: an event is missing or out of place' },
      2,
    ],
    [
      'an event stored twice',
      (c) => [c[0]!, c[1]!, { ...c[1]!, _id: new Types.ObjectId() }, ...c.slice(2)],
      { seq: 2, reason: 'expected seq 3: an event is missing or out of place' },
      3,
    ],
    [
      'an event copied to a later seq',
      (c) => [...c.slice(0, 3), { ...c[1]!, seq: 4 }, ...c.slice(3).map((e) => bump(e, 1))],
      { seq: 4, reason: 'prevHash does not match the previous event' },
      4,
    ],
    [
      'a seq 0 event before the first',
      (c) => [{ ...c[0]!, seq: 0 }, ...c],
      { seq: 0, reason: 'expected seq 1: an event is missing or out of place' },
      1,
    ],
  ])('catches %s', async (_what, attack, brokenAt, events) => {
    const result = await verifyChainEvents(attack(storedChain()));
    expect(result.ok).toBe(false);
    expect(result.brokenAt).toEqual(brokenAt);
    expect(result.events).toBe(events);
  });

  it('catches an event inserted with a valid hash of its own, linked to the one before', async () => {
    const chain = storedChain();
    const [forged] = linkEvents({ seq: 2, hash: chain[1]!.hash as string }, [input(9)]);
    const attacked = [...chain.slice(0, 2), forged!, ...chain.slice(2).map((e) => bump(e, 1))];
    expect((await verifyChainEvents(attacked)).brokenAt).toEqual({
      seq: 4,
      reason: 'prevHash does not match the previous event',
    });
  });
});

describe('verifyChainEvents against signed checkpoints', () => {
  it('accepts a chain that contains every anchor, old and new', async () => {
    const chain = storedChain();
    const anchors = [0, 2, 5].map((seq) => ({
      seq,
      hash: seq === 0 ? GENESIS_HASH : (chain[seq - 1]!.hash as string),
    }));
    expect(await verify(chain, anchors)).toMatchObject({ ok: true, events: 5 });
    // The same anchor twice is no conflict.
    expect((await verify(chain, [...anchors, anchors[1]!])).ok).toBe(true);
  });

  it('catches the newest events deleted (truncation)', async () => {
    const chain = storedChain();
    const head = { seq: 5, hash: chain[4]!.hash as string };
    const cut = chain.slice(0, 3);
    expect((await verify(cut)).ok).toBe(true);
    expect(await verify(cut, [head])).toEqual({
      ok: false,
      events: 3,
      head: { seq: 3, hash: chain[2]!.hash },
      brokenAt: {
        seq: 5,
        reason: 'the chain ends at seq 3, below its signed checkpoint at seq 5 (truncated)',
      },
    });
  });

  it('catches every event deleted', async () => {
    const head = { seq: 5, hash: storedChain()[4]!.hash as string };
    expect((await verifyChainEvents([], [head])).brokenAt).toEqual({
      seq: 5,
      reason: 'the chain ends at seq 0, below its signed checkpoint at seq 5 (truncated)',
    });
  });

  it('catches a tail rewritten and re-hashed at the first anchor it passes', async () => {
    const chain = storedChain();
    const anchors = [2, 4, 5].map((seq) => ({ seq, hash: chain[seq - 1]!.hash as string }));
    // From the third event on, rewritten and re-linked: a valid chain on its own.
    const rewritten = [
      ...chain.slice(0, 2),
      ...linkEvents(
        { seq: 2, hash: chain[1]!.hash as string },
        [3, 4, 5].map((n) => ({ ...input(n), pins: [] })),
      ),
    ];
    expect((await verifyChainEvents(rewritten)).ok).toBe(true);
    expect((await verifyChainEvents(rewritten, anchors)).brokenAt).toEqual({
      seq: 4,
      reason: 'the chain differs from its signed checkpoint (rewritten)',
    });
    expect((await verifyChainEvents(rewritten, [anchors[2]!])).brokenAt?.seq).toBe(5);
  });

  it('catches the whole chain rewritten from the genesis hash', async () => {
    const chain = storedChain();
    const rewritten = linkEvents(
      { seq: 0, hash: GENESIS_HASH },
      [1, 2, 3, 4, 5].map((n) => ({ ...input(n), sub: 'someone-else' })),
    );
    expect((await verifyChainEvents(rewritten)).ok).toBe(true);
    expect(
      (await verifyChainEvents(rewritten, [{ seq: 1, hash: chain[0]!.hash as string }])).brokenAt,
    ).toEqual({ seq: 1, reason: 'the chain differs from its signed checkpoint (rewritten)' });
  });

  it('refuses two checkpoints that name different hashes for one seq', async () => {
    const chain = storedChain();
    const result = await verify(chain, [
      { seq: 2, hash: chain[1]!.hash as string },
      { seq: 2, hash: 'ab'.repeat(32) },
    ]);
    expect(result).toEqual({
      ok: false,
      events: 0,
      head: { seq: 0, hash: GENESIS_HASH },
      brokenAt: { seq: 2, reason: 'two checkpoints name different hashes for this seq' },
    });
  });

  it('refuses a checkpoint of the empty chain that does not name the genesis hash', async () => {
    const chain = storedChain();
    expect((await verify(chain, [{ seq: 0, hash: 'ab'.repeat(32) }])).brokenAt).toEqual({
      seq: 0,
      reason: 'a checkpoint of the empty chain does not name the genesis hash',
    });
    expect((await verifyChainEvents([], [{ seq: 0, hash: GENESIS_HASH }])).ok).toBe(true);
  });
});

/** The event moved `by` seqs on, its content and hash otherwise unchanged. */
function bump(event: Stored, by: number): Stored {
  return { ...event, seq: (event.seq as number) + by };
}
