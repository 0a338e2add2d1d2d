import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { TbOutcome, TbTreatmentStatus } from './tb-case.type';
import type { TbCase } from './tb-case.type';

export interface TbCaseRecord {
  _id: Types.ObjectId;
  pin: string;
  diagnosedOn: Date;
  treatmentStatus: TbTreatmentStatus;
  /** Null while the case is active (open). */
  outcome: TbOutcome | null;
  outcomeOn: Date | null;
  drugResistant: boolean;
}

/** The name of the index that lets a person hold at most one active case. */
export const ONE_ACTIVE_TB_CASE_INDEX = 'one_active_tb_case_per_pin';

export const tbCaseSchema = new Schema<TbCaseRecord>(
  {
    pin: { type: String, required: true },
    diagnosedOn: { type: Date, required: true },
    treatmentStatus: { type: String, enum: Object.values(TbTreatmentStatus), required: true },
    outcome: { type: String, enum: Object.values(TbOutcome), default: null },
    outcomeOn: { type: Date, default: null },
    drugResistant: { type: Boolean, required: true },
  },
  { timestamps: true, collection: 'tb_cases' },
);
// A person's cases newest first.
tbCaseSchema.index({ pin: 1, diagnosedOn: -1 });
// At most one active case per person, enforced by the store so that two concurrent recordTbCase
// calls cannot both succeed; the same index serves counting active cases ({ outcome: null }).
tbCaseSchema.index(
  { pin: 1 },
  { name: ONE_ACTIVE_TB_CASE_INDEX, unique: true, partialFilterExpression: { outcome: null } },
);
// Outcome statistics, and active cases by diagnosis period.
tbCaseSchema.index({ outcome: 1, diagnosedOn: 1 });

export type TbCaseModel = Model<TbCaseRecord>;

export function createTbCaseModel(connection: Connection): TbCaseModel {
  return connection.model<TbCaseRecord>('TbCase', tbCaseSchema);
}

/** A case is active while it has no outcome; the store filter for the same is `{ outcome: null }`. */
export function isActiveTbCase(record: Pick<TbCaseRecord, 'outcome'>): boolean {
  return record.outcome === null || record.outcome === undefined;
}

export function toTbCase(record: TbCaseRecord): TbCase {
  return {
    id: record._id.toHexString(),
    pin: record.pin,
    diagnosedOn: record.diagnosedOn,
    treatmentStatus: record.treatmentStatus,
    outcome: record.outcome ?? null,
    outcomeOn: record.outcomeOn ?? null,
    drugResistant: record.drugResistant,
  };
}
