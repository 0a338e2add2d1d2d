import { today } from '@jol/kernel';
import { HealthInsuranceStatus } from './insurance.type';

/** The statuses that are stored; EXPIRED is only ever derived. */
export type StoredHealthInsuranceStatus =
  HealthInsuranceStatus.INSURED | HealthInsuranceStatus.NOT_INSURED;

/**
 * The status a client sees on the day `now` falls on: cover recorded as INSURED whose last day
 * (`validUntil`, inclusive) is before today is EXPIRED; any other record shows its stored status.
 */
export function healthInsuranceStatusOn(
  record: { status: StoredHealthInsuranceStatus; validUntil: Date | null },
  now = new Date(),
): HealthInsuranceStatus {
  if (
    record.status === HealthInsuranceStatus.INSURED &&
    record.validUntil !== null &&
    record.validUntil < today(now)
  ) {
    return HealthInsuranceStatus.EXPIRED;
  }
  return record.status;
}
