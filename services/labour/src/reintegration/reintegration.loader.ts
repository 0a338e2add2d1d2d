import { createManyByKeyLoader } from '@jol/kernel';
import type {
  ReintegrationEnrolmentModel,
  ReintegrationEnrolmentRecord,
} from './reintegration.model';

/** Each PIN's reintegration enrolments, oldest first, one query per batch. */
export function createReintegrationEnrolmentsByPinLoader(
  ReintegrationEnrolment: ReintegrationEnrolmentModel,
) {
  return createManyByKeyLoader<ReintegrationEnrolmentRecord>(
    (pins) =>
      ReintegrationEnrolment.find({ pin: { $in: [...pins] } })
        .sort({ pin: 1, enrolledOn: 1, _id: 1 })
        .lean<ReintegrationEnrolmentRecord[]>(),
    (enrolment) => enrolment.pin,
  );
}
