import { Types } from 'mongoose';
import type { RecordVersionModel } from './record-version.model';
import { createRecordVersionsLoader } from './record-version.loader';

/** A model that answers no version and keeps the filters it was asked. */
function recordingModel() {
  const filters: { recordId: { $in: Types.ObjectId[] } }[] = [];
  const Versions = {
    find: (filter: (typeof filters)[number]) => {
      filters.push(filter);
      return { sort: () => ({ lean: async () => [] }) };
    },
  } as unknown as RecordVersionModel;
  return { Versions, filters };
}

describe('createRecordVersionsLoader', () => {
  it('asks only for ids as Jol hands them out, in either case', async () => {
    const { Versions, filters } = recordingModel();
    const id = new Types.ObjectId().toHexString();
    const loader = createRecordVersionsLoader(Versions, 'EmploymentRecord');
    // A 12-character string is a valid ObjectId to mongoose (its 12 bytes), but no id Jol gave.
    expect(await loader.loadMany([id.toUpperCase(), 'twelve chars', 'x'])).toEqual([[], [], []]);
    expect(filters.map((f) => f.recordId.$in.map((oid) => oid.toHexString()))).toEqual([[id]]);
  });
});
