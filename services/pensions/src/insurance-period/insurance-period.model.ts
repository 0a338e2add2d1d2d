import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { versionField, versionOf } from '@jol/kernel';
import {
  InsurancePeriodSource,
  InsurancePeriodType,
  type InsurancePeriod,
} from './insurance-period.type';

export interface InsurancePeriodRecord {
  _id: Types.ObjectId;
  pin: string;
  country: string;
  /** First day, UTC midnight. */
  from: Date;
  /** Last day (included), UTC midnight. */
  to: Date;
  type: InsurancePeriodType;
  source: InsurancePeriodSource;
  /** 1 when recorded, one more with each correction; absent on periods stored before versions. */
  version?: number;
  createdAt: Date;
  updatedAt: Date;
}

export const insurancePeriodSchema = new Schema<InsurancePeriodRecord>(
  {
    pin: { type: String, required: true },
    country: { type: String, required: true },
    from: { type: Date, required: true },
    to: { type: Date, required: true },
    type: { type: String, enum: Object.values(InsurancePeriodType), required: true },
    source: { type: String, enum: Object.values(InsurancePeriodSource), required: true },
    ...versionField,
  },
  { timestamps: true, collection: 'insurance_periods' },
);
// A person's periods in order (the loader and the overlap check), and per-country statistics.
insurancePeriodSchema.index({ pin: 1, from: 1 });
insurancePeriodSchema.index({ country: 1, from: 1 });

export type InsurancePeriodModel = Model<InsurancePeriodRecord>;

export function createInsurancePeriodModel(connection: Connection): InsurancePeriodModel {
  return connection.model<InsurancePeriodRecord>('InsurancePeriod', insurancePeriodSchema);
}

/**
 * One document per person whose periods have been written, keyed by PIN. Every period write bumps
 * it inside its transaction first, so two writers for the same person conflict on it and the
 * loser retries against the winner's committed periods.
 */
export interface InsurancePeriodLockRecord {
  _id: string;
  version: number;
}

export const insurancePeriodLockSchema = new Schema<InsurancePeriodLockRecord>(
  { _id: { type: String, required: true }, version: { type: Number, required: true, default: 0 } },
  { collection: 'insurance_period_locks', versionKey: false },
);

export type InsurancePeriodLockModel = Model<InsurancePeriodLockRecord>;

export function createInsurancePeriodLockModel(connection: Connection): InsurancePeriodLockModel {
  return connection.model<InsurancePeriodLockRecord>(
    'InsurancePeriodLock',
    insurancePeriodLockSchema,
  );
}

/** The one place a stored period becomes an API period. */
export function toInsurancePeriod(record: InsurancePeriodRecord): InsurancePeriod {
  return {
    id: record._id.toHexString(),
    pin: record.pin,
    country: record.country,
    from: record.from,
    to: record.to,
    type: record.type,
    source: record.source,
    version: versionOf(record),
  };
}
