import { createManyByKeyLoader } from '@jol/kernel';
import type { HealthScreeningModel, HealthScreeningRecord } from './screening.model';

/** Each PIN's screenings, newest first, one query per batch. */
export function createScreeningsByPinLoader(HealthScreening: HealthScreeningModel) {
  return createManyByKeyLoader<HealthScreeningRecord>(
    (pins) =>
      HealthScreening.find({ pin: { $in: [...pins] } })
        .sort({ pin: 1, screenedOn: -1, _id: -1 })
        .lean<HealthScreeningRecord[]>(),
    (screening) => screening.pin,
  );
}
