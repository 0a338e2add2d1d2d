import { Schema, type Connection, type Model, type Types } from 'mongoose';
import {
  ReintegrationProgramme,
  ReintegrationStatus,
  type ReintegrationEnrolment,
} from './reintegration.type';

export interface ReintegrationEnrolmentRecord {
  _id: Types.ObjectId;
  pin: string;
  programme: ReintegrationProgramme;
  status: ReintegrationStatus;
  enrolledOn: Date;
  /** Set exactly when status is COMPLETED. */
  completedOn: Date | null;
  /** Set exactly when status is DROPPED_OUT. */
  droppedOutOn: Date | null;
}

export const reintegrationEnrolmentSchema = new Schema<ReintegrationEnrolmentRecord>(
  {
    pin: { type: String, required: true },
    programme: { type: String, enum: Object.values(ReintegrationProgramme), required: true },
    status: { type: String, enum: Object.values(ReintegrationStatus), required: true },
    enrolledOn: { type: Date, required: true },
    completedOn: { type: Date, default: null },
    droppedOutOn: { type: Date, default: null },
  },
  { timestamps: true, collection: 'reintegration_enrolments' },
);
reintegrationEnrolmentSchema.index({ pin: 1, enrolledOn: 1 });
// Statistics: enrolment and completion per programme over time.
reintegrationEnrolmentSchema.index({ programme: 1, status: 1, enrolledOn: 1 });

export type ReintegrationEnrolmentModel = Model<ReintegrationEnrolmentRecord>;

export function createReintegrationEnrolmentModel(
  connection: Connection,
): ReintegrationEnrolmentModel {
  return connection.model<ReintegrationEnrolmentRecord>(
    'ReintegrationEnrolment',
    reintegrationEnrolmentSchema,
  );
}

/** The one place a stored enrolment becomes an API one. */
export function toReintegrationEnrolment(
  record: ReintegrationEnrolmentRecord,
): ReintegrationEnrolment {
  return {
    id: record._id.toHexString(),
    pin: record.pin,
    programme: record.programme,
    status: record.status,
    enrolledOn: record.enrolledOn,
    completedOn: record.completedOn,
    droppedOutOn: record.droppedOutOn,
  };
}
