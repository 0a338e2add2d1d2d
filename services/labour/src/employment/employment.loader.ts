import { createManyByKeyLoader } from '@jol/kernel';
import type { EmploymentRecordModel, EmploymentRecordRecord } from './employment.model';

/** Each PIN's employment records, oldest first, one query per batch. */
export function createEmploymentByPinLoader(EmploymentRecord: EmploymentRecordModel) {
  return createManyByKeyLoader<EmploymentRecordRecord>(
    (pins) =>
      EmploymentRecord.find({ pin: { $in: [...pins] } })
        .sort({ pin: 1, from: 1, _id: 1 })
        .lean<EmploymentRecordRecord[]>(),
    (record) => record.pin,
  );
}
