import { createManyByKeyLoader } from '@jol/kernel';
import type { DependantModel, DependantRecord } from './dependant.model';

/** Each PIN's dependants, one query per batch. */
export function createDependantsByPinLoader(Dependant: DependantModel) {
  return createManyByKeyLoader<DependantRecord>(
    (pins) =>
      Dependant.find({ pin: { $in: [...pins] } })
        .sort({ pin: 1, childPin: 1 })
        .lean<DependantRecord[]>(),
    (dependant) => dependant.pin,
  );
}
