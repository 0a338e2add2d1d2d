import type { Connection } from 'mongoose';
import { connectStore } from '../store';
import { dropTestDatabase, openTestDatabase, prepareTestDatabase } from '@jol/testkit/service';
import {
  createChangeEventModels,
  recordChangeEvent,
  type ChangeEventRecord,
} from './change-event.model';

/**
 * The outbox on the real store, as two replicas of one subgraph write it: events recorded in
 * concurrent transactions get distinct, gap-free numbers in commit order, and an event whose
 * transaction aborts is never seen.
 */
describe('recordChangeEvent', () => {
  let first: Connection;
  let second: Connection;

  beforeAll(async () => {
    first = await openTestDatabase('outbox');
    second = await connectStore({ uri: process.env.MONGODB_URI!, dbName: first.name });
    createChangeEventModels(first);
    createChangeEventModels(second);
    await prepareTestDatabase(first);
  });
  afterAll(async () => {
    await second.close();
    await dropTestDatabase(first);
  });

  it('numbers concurrent events of two replicas 1..n without a gap or a repeat', async () => {
    const replicas = [createChangeEventModels(first), createChangeEventModels(second)];
    const connections = [first, second];
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        connections[i % 2]!.transaction((session) =>
          recordChangeEvent(replicas[i % 2]!, session, {
            type: 'PERSON_RETURNED',
            recordId: `record-${i}`,
            pin: '10505198000071',
          }),
        ),
      ),
    );
    const stored = await replicas[0]!.ChangeEvent.find()
      .sort({ seq: 1 })
      .lean<ChangeEventRecord[]>();
    expect(stored.map((e) => e.seq)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(new Set(stored.map((e) => e.recordId)).size).toBe(12);
    expect(stored.every((e) => !e.fannedOut && e.partner === null)).toBe(true);
  });

  it('keeps no event of a transaction that aborts, nor its number', async () => {
    const models = createChangeEventModels(first);
    const before = await models.ChangeEvent.countDocuments();
    await expect(
      first.transaction(async (session) => {
        await recordChangeEvent(models, session, {
          type: 'TB_CASE_OPENED',
          recordId: 'aborted',
          pin: '10505198000071',
        });
        throw new Error('the change failed after its event');
      }),
    ).rejects.toThrow('the change failed');
    expect(await models.ChangeEvent.countDocuments()).toBe(before);
    await first.transaction((session) =>
      recordChangeEvent(models, session, {
        type: 'TB_CASE_OPENED',
        recordId: 'kept',
        pin: '10505198000071',
      }),
    );
    const last = await models.ChangeEvent.findOne().sort({ seq: -1 }).lean<ChangeEventRecord>();
    expect(last).toMatchObject({ recordId: 'kept', seq: before + 1 });
  });
});
