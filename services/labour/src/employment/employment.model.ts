import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { versionField, versionOf } from '@jol/kernel';
import { LabourSector, WorkPermitType, type EmploymentRecord } from './employment.type';

export interface EmploymentRecordRecord {
  _id: Types.ObjectId;
  pin: string;
  country: string;
  /** Trimmed, whitespace collapsed: the form overlaps are compared in. */
  employer: string;
  sector: LabourSector;
  formal: boolean;
  permitType: WorkPermitType;
  permitNumber: string | null;
  from: Date;
  /** Null while the job is ongoing. */
  to: Date | null;
  /** 1 when recorded, one more with each correction; absent on records stored before versions. */
  version?: number;
}

export const employmentRecordSchema = new Schema<EmploymentRecordRecord>(
  {
    pin: { type: String, required: true },
    country: { type: String, required: true },
    employer: { type: String, required: true },
    sector: { type: String, enum: Object.values(LabourSector), required: true },
    formal: { type: Boolean, required: true },
    permitType: { type: String, enum: Object.values(WorkPermitType), required: true },
    permitNumber: { type: String, default: null },
    from: { type: Date, required: true },
    to: { type: Date, default: null },
    ...versionField,
  },
  { timestamps: true, collection: 'employment_records' },
);
// A person's records in order, and the overlap check, which is always within one PIN.
employmentRecordSchema.index({ pin: 1, from: 1 });
// Statistics: work abroad by destination over time, and by sector.
employmentRecordSchema.index({ country: 1, from: 1 });
employmentRecordSchema.index({ sector: 1, country: 1, from: 1 });

export type EmploymentRecordModel = Model<EmploymentRecordRecord>;

export function createEmploymentRecordModel(connection: Connection): EmploymentRecordModel {
  return connection.model<EmploymentRecordRecord>('EmploymentRecord', employmentRecordSchema);
}

/**
 * One document per PIN, written inside every employment transaction: two concurrent writes for
 * the same person then conflict, so the overlap check cannot be skipped by a race.
 */
export interface EmploymentGuardRecord {
  _id: string;
  writes: number;
}

export const employmentGuardSchema = new Schema<EmploymentGuardRecord>(
  { _id: { type: String, required: true }, writes: { type: Number, required: true, default: 0 } },
  { collection: 'employment_guards', versionKey: false },
);

export type EmploymentGuardModel = Model<EmploymentGuardRecord>;

export function createEmploymentGuardModel(connection: Connection): EmploymentGuardModel {
  return connection.model<EmploymentGuardRecord>('EmploymentGuard', employmentGuardSchema);
}

/** The one place a stored employment record becomes an API one. */
/**
 * A record as the graph passes it on: the API type, with the person's home region copied from the
 * parent `Person` when read through it. Not a field: the subject the detail fields' rules check a
 * region-scoped caller against, which stays off the API type.
 */
export type ScopedEmploymentRecord = EmploymentRecord & { homeRegion?: string | null };

export function toEmploymentRecord(record: EmploymentRecordRecord): EmploymentRecord {
  return {
    id: record._id.toHexString(),
    pin: record.pin,
    country: record.country,
    employer: record.employer,
    sector: record.sector,
    formal: record.formal,
    permitType: record.permitType,
    permitNumber: record.permitNumber,
    from: record.from,
    to: record.to,
    version: versionOf(record),
  };
}
