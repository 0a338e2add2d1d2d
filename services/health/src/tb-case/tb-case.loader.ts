import { createManyByKeyLoader } from '@jol/kernel';
import type { TbCaseModel, TbCaseRecord } from './tb-case.model';

/** Each PIN's TB cases, newest diagnosis first, one query per batch. */
export function createTbCasesByPinLoader(TbCase: TbCaseModel) {
  return createManyByKeyLoader<TbCaseRecord>(
    (pins) =>
      TbCase.find({ pin: { $in: [...pins] } })
        .sort({ pin: 1, diagnosedOn: -1, _id: -1 })
        .lean<TbCaseRecord[]>(),
    (tbCase) => tbCase.pin,
  );
}
