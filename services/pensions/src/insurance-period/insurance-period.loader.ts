import { createManyByKeyLoader } from '@jol/kernel';
import type { InsurancePeriodModel, InsurancePeriodRecord } from './insurance-period.model';

/**
 * Each PIN's insurance periods, oldest first, one query per batch; an empty list for a PIN with
 * none. Both `insurancePeriods` and `serviceSummary` read through it.
 */
export function createInsurancePeriodsByPinLoader(InsurancePeriod: InsurancePeriodModel) {
  return createManyByKeyLoader<InsurancePeriodRecord>(
    (pins) =>
      InsurancePeriod.find({ pin: { $in: [...pins] } })
        .sort({ pin: 1, from: 1 })
        .lean<InsurancePeriodRecord[]>(),
    (period) => period.pin,
  );
}
