import { createManyByKeyLoader } from '@jol/kernel';
import type { AssistanceCaseModel, AssistanceCaseRecord } from './assistance-case.model';

/** Each PIN's assistance cases, newest first, one query per batch. */
export function createAssistanceCasesByPinLoader(AssistanceCase: AssistanceCaseModel) {
  return createManyByKeyLoader<AssistanceCaseRecord>(
    (pins) =>
      AssistanceCase.find({ pin: { $in: [...pins] } })
        .sort({ pin: 1, openedOn: -1, _id: -1 })
        .lean<AssistanceCaseRecord[]>(),
    (assistanceCase) => assistanceCase.pin,
  );
}
