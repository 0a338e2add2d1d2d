import { createManyByKeyLoader } from '@jol/kernel';
import type { ConsularRegistrationModel, ConsularRegistrationRecord } from './registration.model';

/** Each PIN's consular registrations, newest first, one query per batch. */
export function createRegistrationsByPinLoader(ConsularRegistration: ConsularRegistrationModel) {
  return createManyByKeyLoader<ConsularRegistrationRecord>(
    (pins) =>
      ConsularRegistration.find({ pin: { $in: [...pins] } })
        .sort({ pin: 1, from: -1, _id: -1 })
        .lean<ConsularRegistrationRecord[]>(),
    (registration) => registration.pin,
  );
}
