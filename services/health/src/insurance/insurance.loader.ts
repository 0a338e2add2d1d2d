import { createOneByKeyLoader } from '@jol/kernel';
import type { HealthInsuranceModel, HealthInsuranceRecord } from './insurance.model';

/** Each PIN's health insurance record, one query per batch; null when none is recorded. */
export function createHealthInsuranceByPinLoader(HealthInsurance: HealthInsuranceModel) {
  return createOneByKeyLoader<HealthInsuranceRecord>(
    (pins) => HealthInsurance.find({ pin: { $in: [...pins] } }).lean<HealthInsuranceRecord[]>(),
    (insurance) => insurance.pin,
  );
}
