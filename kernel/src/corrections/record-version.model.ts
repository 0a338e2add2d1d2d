import { Schema, type Connection, type Model, type Types } from 'mongoose';

/** How a version stopped being the current one. */
export enum RecordChange {
  CORRECTED = 'CORRECTED',
  VOIDED = 'VOIDED',
}

/**
 * A version of a record that is no longer current: the stored record exactly as it was, and who
 * superseded it, when, how and why. Never updated once written; the live collection holds only
 * current, unvoided records, so every read, check and statistic counts those and nothing else.
 */
export interface RecordVersionRecord {
  _id: Types.ObjectId;
  /** The record's API type (`InsurancePeriod`), which with `recordId` names the record. */
  entity: string;
  recordId: Types.ObjectId;
  pin: string;
  /** The version this snapshot was; the record's next version (if any) is `version + 1`. */
  version: number;
  /** The stored document as it was, `_id` included. */
  snapshot: Record<string, unknown>;
  change: RecordChange;
  reason: string;
  at: Date;
  /** The `sub` of the officer who corrected or voided it. */
  by: string;
}

export const recordVersionSchema = new Schema<RecordVersionRecord>(
  {
    entity: { type: String, required: true },
    recordId: { type: Schema.Types.ObjectId, required: true },
    pin: { type: String, required: true },
    version: { type: Number, required: true, min: 1 },
    snapshot: { type: Schema.Types.Mixed, required: true },
    change: { type: String, enum: Object.values(RecordChange), required: true },
    reason: { type: String, required: true },
    at: { type: Date, required: true },
    by: { type: String, required: true },
  },
  { collection: 'record_versions', versionKey: false, minimize: false },
);
// One snapshot per version of a record: a second writer of the same version fails here too.
recordVersionSchema.index({ entity: 1, recordId: 1, version: 1 }, { unique: true });
// A person's voided and corrected records, for the history of a person.
recordVersionSchema.index({ pin: 1, entity: 1, at: 1 });

export type RecordVersionModel = Model<RecordVersionRecord>;

export function createRecordVersionModel(connection: Connection): RecordVersionModel {
  return connection.model<RecordVersionRecord>('RecordVersion', recordVersionSchema);
}

/**
 * The field every correctable record stores: its current version, 1 when first recorded. A record
 * written before versions existed has none and is version 1.
 */
export const versionField = { version: { type: Number, default: 1, min: 1 } } as const;

/** A stored record's version; one stored before versions existed is version 1. */
export function versionOf(record: { version?: number | null }): number {
  return record.version ?? 1;
}
