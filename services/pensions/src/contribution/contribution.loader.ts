import { createManyByKeyLoader } from '@jol/kernel';
import type { ContributionModel, ContributionRecord } from './contribution.model';

/** Each PIN's contributions, newest first, one query per batch; an empty list for none. */
export function createContributionsByPinLoader(Contribution: ContributionModel) {
  return createManyByKeyLoader<ContributionRecord>(
    (pins) =>
      Contribution.find({ pin: { $in: [...pins] } })
        .sort({ pin: 1, paidOn: -1, periodMonth: -1, _id: -1 })
        .lean<ContributionRecord[]>(),
    (contribution) => contribution.pin,
  );
}
