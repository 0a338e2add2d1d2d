import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { Consulate } from '../consulate/consulate';
import { AssistanceCaseStatus, AssistanceType } from './assistance-case.type';
import type { AssistanceCase } from './assistance-case.type';

export interface AssistanceCaseRecord {
  _id: Types.ObjectId;
  pin: string;
  type: AssistanceType;
  status: AssistanceCaseStatus;
  country: string;
  consulate: Consulate;
  openedOn: Date;
  /** Null until the case is closed. */
  closedOn: Date | null;
}

export const assistanceCaseSchema = new Schema<AssistanceCaseRecord>(
  {
    pin: { type: String, required: true },
    type: { type: String, enum: Object.values(AssistanceType), required: true },
    status: { type: String, enum: Object.values(AssistanceCaseStatus), required: true },
    country: { type: String, required: true },
    consulate: { type: String, enum: Object.values(Consulate), required: true },
    openedOn: { type: Date, required: true },
    closedOn: { type: Date, default: null },
  },
  { timestamps: true, collection: 'assistance_cases' },
);
// A person's cases, newest first.
assistanceCaseSchema.index({ pin: 1, openedOn: -1 });
// The indicators count cases by country, type and year opened.
assistanceCaseSchema.index({ country: 1, type: 1, openedOn: 1 });

export type AssistanceCaseModel = Model<AssistanceCaseRecord>;

export function createAssistanceCaseModel(connection: Connection): AssistanceCaseModel {
  return connection.model<AssistanceCaseRecord>('AssistanceCase', assistanceCaseSchema);
}

export function toAssistanceCase(record: AssistanceCaseRecord): AssistanceCase {
  return {
    id: record._id.toHexString(),
    pin: record.pin,
    type: record.type,
    status: record.status,
    country: record.country,
    consulate: record.consulate,
    openedOn: record.openedOn,
    closedOn: record.closedOn ?? null,
  };
}
