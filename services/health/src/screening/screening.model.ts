import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { versionField, versionOf } from '@jol/kernel';
import { ScreeningKind, ScreeningResult } from './screening.type';
import type { HealthScreening } from './screening.type';

export interface HealthScreeningRecord {
  _id: Types.ObjectId;
  pin: string;
  kind: ScreeningKind;
  result: ScreeningResult;
  screenedOn: Date;
  facility: string;
  /** 1 when recorded, one more with each correction; absent on screenings stored before versions. */
  version?: number;
}

export const healthScreeningSchema = new Schema<HealthScreeningRecord>(
  {
    pin: { type: String, required: true },
    kind: { type: String, enum: Object.values(ScreeningKind), required: true },
    result: { type: String, enum: Object.values(ScreeningResult), required: true },
    screenedOn: { type: Date, required: true },
    facility: { type: String, required: true },
    ...versionField,
  },
  { timestamps: true, collection: 'health_screenings' },
);
// A person's screenings newest first, and screening statistics by kind over a period.
healthScreeningSchema.index({ pin: 1, screenedOn: -1 });
healthScreeningSchema.index({ kind: 1, screenedOn: 1 });

export type HealthScreeningModel = Model<HealthScreeningRecord>;

export function createHealthScreeningModel(connection: Connection): HealthScreeningModel {
  return connection.model<HealthScreeningRecord>('HealthScreening', healthScreeningSchema);
}

export function toHealthScreening(record: HealthScreeningRecord): HealthScreening {
  return {
    id: record._id.toHexString(),
    pin: record.pin,
    kind: record.kind,
    result: record.result,
    screenedOn: record.screenedOn,
    facility: record.facility,
    version: versionOf(record),
  };
}
