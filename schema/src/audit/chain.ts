import { createHash } from 'node:crypto';
import { isDuplicateKeyError } from '../errors';
import type { AuditEventModel, AuditEventRecord } from './audit-event.model';

/** The hash the first event of every chain links to. */
export const GENESIS_HASH = '0'.repeat(64);

export type AuditEventInput = Omit<AuditEventRecord, '_id' | 'seq' | 'prevHash' | 'hash'>;

/**
 * The exact bytes an event's hash covers: every field but the hash, in a fixed order. Revisions
 * come last and only when there are some, so that events written before they existed still verify.
 */
export function canonicalEvent(event: Omit<AuditEventRecord, '_id' | 'hash'>): string {
  const revisions = (event.revisions ?? []).map((r) => [
    r.entity,
    r.id,
    r.version,
    r.change,
    r.reason,
  ]);
  return JSON.stringify([
    event.seq,
    event.at.toISOString(),
    event.service,
    event.requestId,
    event.sub,
    event.roles,
    event.agency,
    event.purpose,
    event.operation,
    event.fields,
    event.pins,
    event.outcome,
    event.prevHash,
    ...(revisions.length > 0 ? [revisions] : []),
  ]);
}

export function hashEvent(event: Omit<AuditEventRecord, '_id' | 'hash'>): string {
  return createHash('sha256').update(canonicalEvent(event)).digest('hex');
}

/**
 * An append-only, hash-chained audit log. Appends from this process are queued one after another
 * and continue from the tail they last wrote; an append that races another process for the same
 * position (unique `seq`) re-reads the tail and tries again.
 */
export function createAuditChain(AuditEvent: AuditEventModel, maxAttempts = 20) {
  let queue: Promise<unknown> = Promise.resolve();
  // The tail this process last wrote or read; another writer (a second replica) makes the next
  // insert hit the unique seq, and the tail is then read again from the store.
  let tail: { seq: number; hash: string } | null = null;

  const readTail = async () => {
    const last = await AuditEvent.findOne({}, { seq: 1, hash: 1 }).sort({ seq: -1 }).lean();
    return last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
  };

  const appendNow = async (input: AuditEventInput): Promise<AuditEventRecord> => {
    for (let attempt = 1; ; attempt++) {
      tail ??= await readTail();
      const event = { ...input, seq: tail.seq + 1, prevHash: tail.hash };
      const record = { ...event, hash: hashEvent(event) };
      try {
        const [created] = await AuditEvent.insertMany([record]);
        tail = { seq: record.seq, hash: record.hash };
        return created!.toObject() as AuditEventRecord;
      } catch (error) {
        tail = null;
        if (!isDuplicateKeyError(error) || attempt >= maxAttempts) throw error;
      }
    }
  };

  return {
    append(input: AuditEventInput): Promise<AuditEventRecord> {
      const next = queue.then(() => appendNow(input));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
export type AuditChain = ReturnType<typeof createAuditChain>;

export interface ChainVerification {
  ok: boolean;
  events: number;
  /** The first event whose link or content does not match. */
  brokenAt?: { seq: number; reason: string };
}

/** Walks a chain from its first event and names the first broken link. */
export async function verifyAuditChain(AuditEvent: AuditEventModel): Promise<ChainVerification> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let events = 0;
  const cursor = AuditEvent.find({}).sort({ seq: 1 }).lean<AuditEventRecord[]>().cursor();
  for await (const doc of cursor) {
    const event = doc as AuditEventRecord;
    events++;
    if (event.seq !== expectedSeq)
      return {
        ok: false,
        events,
        brokenAt: { seq: event.seq, reason: `expected seq ${expectedSeq}: an event is missing` },
      };
    if (event.prevHash !== prevHash)
      return {
        ok: false,
        events,
        brokenAt: { seq: event.seq, reason: 'prevHash does not match the previous event' },
      };
    if (hashEvent(event) !== event.hash)
      return {
        ok: false,
        events,
        brokenAt: { seq: event.seq, reason: 'content does not match its hash' },
      };
    prevHash = event.hash;
    expectedSeq++;
  }
  return { ok: true, events };
}
