import { Types } from 'mongoose';
import { createManyByKeyLoader, createOneByKeyLoader } from '@jol/kernel';
import type { HealthConsentModel, HealthConsentRecord } from './consent.model';

/** Each PIN's consents, newest grant first, one query per batch. */
export function createConsentsByPinLoader(HealthConsent: HealthConsentModel) {
  return createManyByKeyLoader<HealthConsentRecord>(
    (pins) =>
      HealthConsent.find({ pin: { $in: [...pins] } })
        .sort({ pin: 1, grantedAt: -1, _id: -1 })
        .lean<HealthConsentRecord[]>(),
    (consent) => consent.pin,
  );
}

/**
 * Consents by id (24 hexadecimal digits; callers parse the id first), one query per batch; null
 * for an id that matches nothing.
 */
export function createConsentByIdLoader(HealthConsent: HealthConsentModel) {
  return createOneByKeyLoader<HealthConsentRecord>(
    (ids) =>
      HealthConsent.find({ _id: { $in: ids.map((id) => new Types.ObjectId(id)) } }).lean<
        HealthConsentRecord[]
      >(),
    (consent) => consent._id.toHexString(),
  );
}
