import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { today } from '@jol/kernel';
import { ConsentRecipient, type HealthConsent } from './consent.type';

export interface HealthConsentRecord {
  _id: Types.ObjectId;
  pin: string;
  recipientAgency: ConsentRecipient;
  purpose: string;
  grantedAt: Date;
  expiresOn: Date;
  revokedAt: Date | null;
  recordedBy: string;
  recordedAs: string;
  revokedBy: string | null;
  revokedAs: string | null;
  /**
   * True while this consent holds the (pin, recipient, purpose) slot: cleared on revocation, and
   * when a later grant finds it expired. A unique index on open consents makes "one at a time"
   * hold under concurrent grants.
   */
  open: boolean;
}

/** The name of the index that lets a person hold one open consent per recipient and purpose. */
export const ONE_OPEN_CONSENT_INDEX = 'one_open_consent_per_recipient_and_purpose';

export const healthConsentSchema = new Schema<HealthConsentRecord>(
  {
    pin: { type: String, required: true },
    recipientAgency: { type: String, enum: Object.values(ConsentRecipient), required: true },
    purpose: { type: String, required: true },
    grantedAt: { type: Date, required: true },
    expiresOn: { type: Date, required: true },
    revokedAt: { type: Date, default: null },
    recordedBy: { type: String, required: true },
    recordedAs: { type: String, required: true },
    revokedBy: { type: String, default: null },
    revokedAs: { type: String, default: null },
    open: { type: Boolean, required: true },
  },
  { timestamps: true, collection: 'health_consents' },
);
// A person's consents newest first (the access rule reads them on every consent-gated field).
healthConsentSchema.index({ pin: 1, grantedAt: -1 });
healthConsentSchema.index(
  { pin: 1, recipientAgency: 1, purpose: 1 },
  { name: ONE_OPEN_CONSENT_INDEX, unique: true, partialFilterExpression: { open: true } },
);

export type HealthConsentModel = Model<HealthConsentRecord>;

export function createHealthConsentModel(connection: Connection): HealthConsentModel {
  return connection.model<HealthConsentRecord>('HealthConsent', healthConsentSchema);
}

/** A consent holds from its grant through its expiry day, unless revoked. */
export function isActiveConsent(
  record: Pick<HealthConsentRecord, 'revokedAt' | 'expiresOn'>,
  now = new Date(),
): boolean {
  return (
    (record.revokedAt === null || record.revokedAt === undefined) && record.expiresOn >= today(now)
  );
}

export function toHealthConsent(record: HealthConsentRecord, now = new Date()): HealthConsent {
  return {
    id: record._id.toHexString(),
    pin: record.pin,
    recipientAgency: record.recipientAgency,
    purpose: record.purpose,
    grantedAt: record.grantedAt,
    expiresOn: record.expiresOn,
    revokedAt: record.revokedAt ?? null,
    recordedBy: record.recordedBy,
    recordedAs: record.recordedAs,
    revokedBy: record.revokedBy ?? null,
    revokedAs: record.revokedAs ?? null,
    active: isActiveConsent(record, now),
  };
}
