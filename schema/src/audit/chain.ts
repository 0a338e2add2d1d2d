import { createHash } from 'node:crypto';
import { isDuplicateKeyError } from '../errors';
import type { AuditEventModel, AuditEventRecord } from './audit-event.model';

/** The hash the first event of every chain links to. */
export const GENESIS_HASH = '0'.repeat(64);

export type AuditEventInput = Omit<AuditEventRecord, '_id' | 'seq' | 'prevHash' | 'hash'>;

/**
 * Every stored field of an event but `_id` and `hash`, in the order the hash covers them. A field
 * added to the model and not here fails the test that compares this list with the schema's paths.
 */
export const HASHED_FIELDS = [
  'seq',
  'at',
  'service',
  'requestId',
  'callerRequestId',
  'sub',
  'roles',
  'agency',
  'partner',
  'purpose',
  'operationType',
  'callerOperationName',
  'callerOperationId',
  'served',
  'refused',
  'failed',
  'pins',
  'revisions',
  'searches',
  'outcome',
  'prevHash',
] as const satisfies readonly (keyof AuditEventRecord)[];

/**
 * The exact bytes an event's hash covers: every hashed field, in a fixed order. A revision or a
 * search is written as a tuple, so the bytes do not depend on the key order the store returns.
 */
export function canonicalEvent(event: Omit<AuditEventRecord, '_id' | 'hash'>): string {
  return JSON.stringify(
    HASHED_FIELDS.flatMap((field) => {
      if (field === 'revisions') {
        const revisions = event.revisions ?? [];
        return [
          revisions.length === 0
            ? null
            : revisions.map((r) => [r.entity, r.id, r.version, r.change, r.reason]),
        ];
      }
      if (field === 'searches') {
        // Left out when there are none, so events written before searches existed keep their hash.
        const searches = event.searches ?? [];
        return searches.length === 0
          ? []
          : [searches.map((s) => [s.name, s.birthDate ?? null, s.region ?? null, s.found ?? []])];
      }
      const value: unknown = event[field];
      return [value instanceof Date ? value.toISOString() : (value ?? null)];
    }),
  );
}

export function hashEvent(event: Omit<AuditEventRecord, '_id' | 'hash'>): string {
  return createHash('sha256').update(canonicalEvent(event)).digest('hex');
}

/** Events written in one insert at most. @default 100 */
export const MAX_AUDIT_BATCH = 100;

/** The position and hash an event leaves for the next one to link to. */
const anchorOf = (event: Pick<AuditEventRecord, 'seq' | 'hash'>): ChainAnchor => ({
  seq: event.seq,
  hash: event.hash,
});

/**
 * Chains `inputs` after `tail` (the last stored event, or seq 0 and the genesis hash): each takes
 * the next seq, links to the previous event's hash and is hashed. The records lack only `_id`.
 */
export function linkEvents(
  tail: ChainAnchor,
  inputs: readonly AuditEventInput[],
): AuditEventRecord[] {
  let link = tail;
  return inputs.map((input) => {
    const event = { ...input, seq: link.seq + 1, prevHash: link.hash };
    const record = { ...event, hash: hashEvent(event) } as AuditEventRecord;
    link = anchorOf(record);
    return record;
  });
}

interface PendingAppend {
  input: AuditEventInput;
  resolve(record: AuditEventRecord): void;
  reject(error: unknown): void;
}

/**
 * An append-only, hash-chained audit log. Appends from this process are chained in the order
 * they were asked for; those that arrive while a write is under way are written together in the
 * next one (one ordered insert of consecutive events), so concurrent requests share a round trip
 * to the store. Each append resolves only once its own event is stored, so a request whose event
 * could not be stored gets no answer. An insert that races another process for the same position
 * (unique `seq`) keeps the events that were stored, re-reads the tail and chains the rest after it.
 */
export function createAuditChain(
  AuditEvent: AuditEventModel,
  maxAttempts = 20,
  maxBatch = MAX_AUDIT_BATCH,
) {
  const pending: PendingAppend[] = [];
  let writing = false;
  // The tail this process last wrote or read; another writer (a second replica) makes the next
  // insert hit the unique seq, and the tail is then read again from the store.
  let tail: ChainAnchor | null = null;

  const readTail = async () => {
    const last = await AuditEvent.findOne({}, { seq: 1, hash: 1 }).sort({ seq: -1 }).lean();
    return last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
  };

  /** Chains `batch` after the tail and stores it; settles each append. */
  const write = async (batch: PendingAppend[]): Promise<void> => {
    let waiting = batch;
    for (let attempt = 1; waiting.length > 0; attempt++) {
      let records: AuditEventRecord[] = [];
      try {
        tail ??= await readTail();
        records = linkEvents(
          tail,
          waiting.map(({ input }) => input),
        );
        // With the driver, not as mongoose documents: building and casting a document per event
        // was a quarter of a subgraph's CPU. The records are the kernel's own typed values, in
        // the model's shape; the driver gives each its _id.
        await AuditEvent.collection.insertMany(
          records as unknown as Parameters<typeof AuditEvent.collection.insertMany>[0],
          { ordered: true },
        );
        // The loop runs while something is waiting, so there is a last record.
        tail = anchorOf(records[records.length - 1]!);
        waiting.forEach((append, i) => append.resolve(records[i]!));
        return;
      } catch (error) {
        tail = null;
        if (!isDuplicateKeyError(error) || attempt >= maxAttempts) {
          for (const append of waiting) append.reject(error);
          return;
        }
        // An ordered insert stops at the first taken seq: the events before it are stored.
        const stored = await AuditEvent.find({ hash: { $in: records.map((r) => r.hash) } })
          .lean<AuditEventRecord[]>()
          .catch(() => [] as AuditEventRecord[]);
        const byHash = new Map(stored.map((record) => [record.hash, record]));
        waiting = waiting.filter((append, i) => {
          const record = byHash.get(records[i]!.hash);
          if (!record) return true;
          append.resolve(record);
          return false;
        });
      }
    }
  };

  const drain = async () => {
    writing = true;
    try {
      while (pending.length > 0) await write(pending.splice(0, maxBatch));
    } finally {
      writing = false;
    }
  };

  return {
    append(input: AuditEventInput): Promise<AuditEventRecord> {
      return new Promise<AuditEventRecord>((resolve, reject) => {
        pending.push({ input, resolve, reject });
        if (!writing) void drain();
      });
    },
  };
}
export type AuditChain = ReturnType<typeof createAuditChain>;

/** A chain head vouched for elsewhere (a signed checkpoint): the chain must still contain it. */
export interface ChainAnchor {
  seq: number;
  hash: string;
}

export interface ChainVerification {
  ok: boolean;
  events: number;
  /** The last event's position and hash (seq 0 and the genesis hash for an empty chain). */
  head: ChainAnchor;
  /** The first event whose link or content does not match, or the anchor the chain lost. */
  brokenAt?: { seq: number; reason: string };
}

const STORED_KEYS = new Set<string>(['_id', 'hash', ...HASHED_FIELDS]);

/**
 * Walks a chain from its first event, in seq order as stored, and names the first broken link: a
 * missing or extra seq, a prevHash that is not the previous event's hash, content that does not
 * match its hash, or a key the model does not have. With anchors (signed checkpoints), the event at
 * each anchor's seq must carry the anchor's hash, and the chain must reach the highest anchor.
 * Reads nothing but `events`, so a test drives it with an array and the store with a cursor.
 */
export async function verifyChainEvents(
  events: Iterable<unknown> | AsyncIterable<unknown>,
  anchors: readonly ChainAnchor[] = [],
): Promise<ChainVerification> {
  const expected = new Map(anchors.map((a) => [a.seq, a.hash]));
  let head: ChainAnchor = { seq: 0, hash: GENESIS_HASH };
  let count = 0;
  const broken = (seq: number, reason: string): ChainVerification => ({
    ok: false,
    events: count,
    head,
    brokenAt: { seq, reason },
  });
  for (const anchor of anchors) {
    if (expected.get(anchor.seq) !== anchor.hash)
      return broken(anchor.seq, 'two checkpoints name different hashes for this seq');
  }
  if (expected.has(0) && expected.get(0) !== GENESIS_HASH)
    return broken(0, 'a checkpoint of the empty chain does not name the genesis hash');
  for await (const stored of events) {
    const event = stored as AuditEventRecord;
    count++;
    if (event.seq !== head.seq + 1)
      return broken(event.seq, `expected seq ${head.seq + 1}: an event is missing or out of place`);
    if (event.prevHash !== head.hash)
      return broken(event.seq, 'prevHash does not match the previous event');
    const extra = Object.keys(event).filter((key) => !STORED_KEYS.has(key));
    if (extra.length > 0)
      return broken(event.seq, `fields the audit does not hash: ${extra.join(', ')}`);
    if (hashEvent(event) !== event.hash)
      return broken(event.seq, 'content does not match its hash');
    const anchored = expected.get(event.seq);
    if (anchored !== undefined && anchored !== event.hash)
      return broken(event.seq, 'the chain differs from its signed checkpoint (rewritten)');
    head = anchorOf(event);
  }
  const highest = Math.max(0, ...anchors.map((a) => a.seq));
  if (head.seq < highest)
    return broken(
      highest,
      `the chain ends at seq ${head.seq}, below its signed checkpoint at seq ${highest} (truncated)`,
    );
  return { ok: true, events: count, head };
}

/** Verifies the chain stored in `AuditEvent` (verifyChainEvents over its events by seq). */
export function verifyAuditChain(
  AuditEvent: AuditEventModel,
  anchors: readonly ChainAnchor[] = [],
): Promise<ChainVerification> {
  return verifyChainEvents(
    AuditEvent.find({}).sort({ seq: 1 }).lean<AuditEventRecord[]>().cursor(),
    anchors,
  );
}
