import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { Consulate } from '../consulate/consulate';
import type { ConsularRegistration } from './registration.type';

export interface ConsularRegistrationRecord {
  _id: Types.ObjectId;
  pin: string;
  country: string;
  consulate: Consulate;
  addressCity: string;
  from: Date;
  /** Null while the registration holds. */
  to: Date | null;
}

/** The name of the index that lets a person hold at most one current registration. */
export const ONE_CURRENT_REGISTRATION_INDEX = 'one_current_registration_per_pin';

export const consularRegistrationSchema = new Schema<ConsularRegistrationRecord>(
  {
    pin: { type: String, required: true },
    country: { type: String, required: true },
    consulate: { type: String, enum: Object.values(Consulate), required: true },
    addressCity: { type: String, required: true },
    from: { type: Date, required: true },
    to: { type: Date, default: null },
  },
  { timestamps: true, collection: 'consular_registrations' },
);
// A person's registrations, newest first.
consularRegistrationSchema.index({ pin: 1, from: -1 });
// A citizen is registered with one consulate at a time, enforced by the store so that two
// concurrent registrations cannot both succeed.
consularRegistrationSchema.index(
  { pin: 1 },
  { name: ONE_CURRENT_REGISTRATION_INDEX, unique: true, partialFilterExpression: { to: null } },
);

export type ConsularRegistrationModel = Model<ConsularRegistrationRecord>;

export function createConsularRegistrationModel(connection: Connection): ConsularRegistrationModel {
  return connection.model<ConsularRegistrationRecord>(
    'ConsularRegistration',
    consularRegistrationSchema,
  );
}

export function toConsularRegistration(record: ConsularRegistrationRecord): ConsularRegistration {
  return {
    id: record._id.toHexString(),
    pin: record.pin,
    country: record.country,
    consulate: record.consulate,
    addressCity: record.addressCity,
    from: record.from,
    to: record.to ?? null,
  };
}
