import { randomUUID } from 'node:crypto';
import { Schema } from 'mongoose';
import { connectStore, ensureIndexes } from './store';

/**
 * Collections come from ensureIndexes alone, never from compiling a model: on the embedded store a
 * creation racing a first insert into the same collection deadlocks the server.
 */
describe('connectStore', () => {
  it('creates no collection when a model is compiled; ensureIndexes creates it and its indexes', async () => {
    const connection = await connectStore({
      uri: process.env.MONGODB_URI!,
      dbName: `test_store_${randomUUID().slice(0, 8)}`,
    });
    try {
      const schema = new Schema(
        { pin: { type: String, required: true } },
        { collection: 'records' },
      );
      schema.index({ pin: 1 }, { unique: true });
      const Record = connection.model('Record', schema);
      await Record.init();
      const names = async () =>
        (await connection.db!.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
      expect(await names()).toEqual([]);
      await ensureIndexes(connection);
      expect(await names()).toEqual(['records']);
      expect((await Record.collection.indexes()).map((index) => index.key)).toEqual([
        { _id: 1 },
        { pin: 1 },
      ]);
    } finally {
      await connection.dropDatabase();
      await connection.close();
    }
  });
});
