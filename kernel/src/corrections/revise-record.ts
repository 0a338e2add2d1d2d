import { Types, type ClientSession, type Connection, type Model, type QueryFilter } from 'mongoose';
import type { JolContext } from '../context';
import { recordRevision } from '../access/decide';
import { checkDatesNotBeforeBirth } from '../access/write-scope';
import { badUserInput, conflict, isDuplicateKeyError, notFound } from '../errors';
import { isRecordId } from '../record-id';
import { checkCorrectionReason } from './reason';
import {
  RecordChange,
  versionOf,
  type RecordVersionModel,
  type RecordVersionRecord,
} from './record-version.model';
import type { Supersession } from './record-version.type';

/** What every correctable record stores: its id, the person it is about, and its version. */
export interface RevisableRecord {
  _id: Types.ObjectId;
  pin: string;
  version?: number | null;
}

/** Where one kind of record lives, and the name its history and the audit give it. */
export interface RevisionTarget<TRecord extends RevisableRecord> {
  /** The record's API type name (`InsurancePeriod`). */
  entity: string;
  connection: Connection;
  Records: Model<TRecord>;
  Versions: RecordVersionModel;
}

/** Which version of which record an officer changes, and why. */
export interface RevisionRequest {
  /** The record's id, as the API gave it. */
  id: string;
  /** The version the officer read: a record changed since is refused with CONFLICT. */
  version: number;
  reason: string;
}

/** A record id from the API: 24 hexadecimal digits, else BAD_USER_INPUT. */
export function parseRecordId(id: unknown, field = 'id'): Types.ObjectId {
  if (!isRecordId(id))
    throw badUserInput(field, id, 'must be a record id of 24 hexadecimal digits');
  return new Types.ObjectId(id);
}

/** Matches the stored record only while it is still at `version`. */
function atVersion(id: Types.ObjectId, version: number): QueryFilter<RevisableRecord> {
  // A record stored before versions existed has no field and is version 1.
  return version === 1
    ? { _id: id, $or: [{ version: 1 }, { version: { $exists: false } }, { version: null }] }
    : { _id: id, version };
}

function changedConcurrently(entity: string, id: string): never {
  throw conflict(`${entity} ${id} was changed concurrently; read it again and retry`, 'version');
}

/**
 * Reads the record inside the transaction and checks that it exists and is still at the version
 * the officer read. A voided record is a CONFLICT, not NOT_FOUND: it existed, and was withdrawn.
 */
async function readCurrent<TRecord extends RevisableRecord>(
  target: RevisionTarget<TRecord>,
  id: Types.ObjectId,
  expected: number,
  session: ClientSession,
): Promise<TRecord> {
  const current = await target.Records.findById(id, null, { session }).lean<TRecord>();
  if (!current) {
    const voided = await target.Versions.exists({
      entity: target.entity,
      recordId: id,
      change: RecordChange.VOIDED,
    }).session(session);
    if (voided)
      throw conflict(`${target.entity} ${id.toHexString()} is voided: it cannot be changed`, 'id');
    throw notFound(target.entity, 'id', id.toHexString());
  }
  const stored = versionOf(current);
  if (stored !== expected) {
    throw conflict(
      `${target.entity} ${id.toHexString()} is at version ${stored}, not ${expected}: ` +
        'it was changed since it was read; read it again',
      'version',
    );
  }
  return current;
}

/** Keeps the version being superseded; a second snapshot of the same version is a lost race. */
async function keepVersion<TRecord extends RevisableRecord>(
  context: JolContext,
  target: RevisionTarget<TRecord>,
  current: TRecord,
  change: RecordChange,
  reason: string,
  session: ClientSession,
): Promise<RecordVersionRecord> {
  const version = {
    entity: target.entity,
    recordId: current._id,
    pin: current.pin,
    version: versionOf(current),
    snapshot: current as unknown as Record<string, unknown>,
    change,
    reason,
    at: new Date(),
    by: context.caller?.sub ?? 'unknown',
  };
  try {
    const [created] = await target.Versions.create([version], { session });
    return created!.toObject();
  } catch (error) {
    if (isDuplicateKeyError(error)) changedConcurrently(target.entity, current._id.toHexString());
    throw error;
  }
}

/** Names the change in the request's access trail, so that the audit event keeps the reason. */
function recordInTrail(context: JolContext, kept: RecordVersionRecord): void {
  recordRevision(context, kept.pin, {
    entity: kept.entity,
    id: kept.recordId.toHexString(),
    version: kept.version,
    change: kept.change,
    reason: kept.reason,
  });
}

export function toSupersession(version: Pick<RecordVersionRecord, 'change' | 'reason' | 'at'>) {
  return {
    change: version.change,
    reason: version.reason,
    at: version.at.toISOString(),
  } satisfies Supersession;
}

/**
 * Replaces a record's values with corrected ones, keeping the version it supersedes. In one
 * transaction: the record must exist and still be at the version read, `revise` checks the
 * corrected values against the person's other records (it must leave the record itself out) and
 * returns what to store, and the update is guarded by the version, so of two corrections of the
 * same version one wins and the other gets CONFLICT. `pin` is the PIN the corrected values name:
 * a record is never moved to another person (void it and record it for them). `after` runs in the
 * same transaction once the record is corrected (state derived from the person's records).
 */
export async function correctRecord<TRecord extends RevisableRecord>(
  context: JolContext,
  target: RevisionTarget<TRecord>,
  request: RevisionRequest & {
    pin: string;
    /** The corrected dates, checked against the person's birth as a new record's would be. */
    dates?: Record<string, Date | null | undefined>;
  },
  revise: (current: TRecord, session: ClientSession) => Promise<Partial<TRecord>>,
  after?: (corrected: TRecord, session: ClientSession) => Promise<void>,
): Promise<TRecord> {
  const reason = checkCorrectionReason(request.reason);
  const id = parseRecordId(request.id);
  // Asked before the transaction (the directory is a call over the network), and only of the
  // record's own person: a record of another person or none fails inside, as it always has.
  if (request.dates) {
    const stored = await target.Records.findById(id, { pin: 1 }).lean<{ pin?: string }>();
    if (stored?.pin === request.pin)
      await checkDatesNotBeforeBirth(context, request.pin, request.dates);
  }
  let kept: RecordVersionRecord | undefined;
  const updated = await target.connection.transaction(async (session) => {
    const current = await readCurrent(target, id, request.version, session);
    if (request.pin !== current.pin)
      throw badUserInput(
        'pin',
        request.pin,
        `must be the PIN of ${target.entity} ${request.id}; void it and record it for the other person`,
      );
    const values = { ...(await revise(current, session)) } as Record<string, unknown>;
    for (const key of ['_id', 'pin', 'version', 'createdAt', 'updatedAt']) delete values[key];
    const next = await target.Records.findOneAndUpdate(
      atVersion(id, versionOf(current)) as QueryFilter<TRecord>,
      { $set: { ...values, version: versionOf(current) + 1 } },
      { session, returnDocument: 'after', runValidators: true },
    ).lean<TRecord>();
    if (!next) changedConcurrently(target.entity, request.id);
    kept = await keepVersion(context, target, current, RecordChange.CORRECTED, reason, session);
    await after?.(next, session);
    return next;
  });
  recordInTrail(context, kept!);
  return updated;
}

/**
 * Voids a record: it leaves the live collection, so that no read, check or statistic counts it
 * any more, and is kept as its last version with the reason. Same transaction and version guard
 * as a correction; `beforeVoid` runs inside it first (a lock), `afterVoid` once the record is gone
 * (state derived from the person's records).
 */
export async function voidRecord<TRecord extends RevisableRecord>(
  context: JolContext,
  target: RevisionTarget<TRecord>,
  request: RevisionRequest,
  beforeVoid?: (current: TRecord, session: ClientSession) => Promise<void>,
  afterVoid?: (voided: TRecord, session: ClientSession) => Promise<void>,
): Promise<{ record: TRecord; superseded: Supersession }> {
  const reason = checkCorrectionReason(request.reason);
  const id = parseRecordId(request.id);
  const kept = await target.connection.transaction(async (session) => {
    const current = await readCurrent(target, id, request.version, session);
    await beforeVoid?.(current, session);
    const removed = await target.Records.deleteOne(
      atVersion(id, versionOf(current)) as QueryFilter<TRecord>,
      { session },
    );
    if (removed.deletedCount !== 1) changedConcurrently(target.entity, request.id);
    const voided = await keepVersion(
      context,
      target,
      current,
      RecordChange.VOIDED,
      reason,
      session,
    );
    await afterVoid?.(current, session);
    return voided;
  });
  recordInTrail(context, kept);
  return { record: kept.snapshot as unknown as TRecord, superseded: toSupersession(kept) };
}

/**
 * The versions of a record before `record.version`, oldest first, each as the API shows a record
 * (through `toApi`, so that the record type's own field rules guard them) and with why it was
 * superseded.
 */
export function earlierVersionsOf<TApi>(
  versions: readonly RecordVersionRecord[],
  record: { version: number },
  toApi: (snapshot: Record<string, unknown>) => TApi,
): (TApi & { superseded: Supersession })[] {
  return versions
    .filter((kept) => kept.version < record.version)
    .map((kept) => ({ ...toApi(kept.snapshot), superseded: toSupersession(kept) }));
}
