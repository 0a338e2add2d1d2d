import { Types } from 'mongoose';
import { createManyByKeyLoader } from '../loaders';
import { isRecordId, recordIdKey } from '../record-id';
import type { RecordVersionModel, RecordVersionRecord } from './record-version.model';

/**
 * The superseded versions of each record of one entity, oldest first, keyed by the record's id;
 * one query per batch, an empty list for a record never corrected or an id that names none.
 */
export function createRecordVersionsLoader(Versions: RecordVersionModel, entity: string) {
  return createManyByKeyLoader<RecordVersionRecord>(
    (ids) =>
      Versions.find({
        entity,
        recordId: { $in: ids.filter(isRecordId).map((id) => new Types.ObjectId(id)) },
      })
        .sort({ recordId: 1, version: 1 })
        .lean<RecordVersionRecord[]>(),
    (version) => version.recordId.toHexString(),
    recordIdKey,
  );
}
