import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { healthInsuranceStatusOn, type StoredHealthInsuranceStatus } from './insurance.status';
import { HealthInsurance, HealthInsuranceScheme, HealthInsuranceStatus } from './insurance.type';

export interface HealthInsuranceRecord {
  _id: Types.ObjectId;
  pin: string;
  /** INSURED or NOT_INSURED as recorded; EXPIRED is derived when read. */
  status: StoredHealthInsuranceStatus;
  scheme: HealthInsuranceScheme;
  validFrom: Date;
  validUntil: Date | null;
}

export const healthInsuranceSchema = new Schema<HealthInsuranceRecord>(
  {
    pin: { type: String, required: true },
    status: {
      type: String,
      enum: [HealthInsuranceStatus.INSURED, HealthInsuranceStatus.NOT_INSURED],
      required: true,
    },
    scheme: { type: String, enum: Object.values(HealthInsuranceScheme), required: true },
    validFrom: { type: Date, required: true },
    validUntil: { type: Date, default: null },
  },
  { timestamps: true, collection: 'health_insurance' },
);
// One record per person: setHealthInsurance upserts it.
healthInsuranceSchema.index({ pin: 1 }, { unique: true });

export type HealthInsuranceModel = Model<HealthInsuranceRecord>;

export function createHealthInsuranceModel(connection: Connection): HealthInsuranceModel {
  return connection.model<HealthInsuranceRecord>('HealthInsurance', healthInsuranceSchema);
}

/** The one place a stored record becomes the API type, with its status derived for `now`. */
export function toHealthInsurance(
  record: HealthInsuranceRecord,
  now = new Date(),
): HealthInsurance {
  return {
    pin: record.pin,
    status: healthInsuranceStatusOn(record, now),
    scheme: record.scheme,
    validFrom: record.validFrom,
    validUntil: record.validUntil ?? null,
  };
}
