import { MongoClient, type Db } from 'mongodb';
import { randomUUID } from 'node:crypto';
import { insertAll } from './seed';

/** The seed's insert on the real store: a document already stored under its own id is forgiven. */
describe('insertAll', () => {
  let client: MongoClient;
  let db: Db;

  beforeAll(async () => {
    client = await new MongoClient(process.env.MONGODB_URI!).connect();
    db = client.db(`test_insert_all_${randomUUID().slice(0, 8)}`);
  });
  afterAll(async () => {
    await db.dropDatabase();
    await client.close();
  });

  it('stores each document once when some of them are stored already', async () => {
    const collection = db.collection<{ _id: number; n: number }>('docs');
    await collection.insertMany([
      { _id: 2, n: 2 },
      { _id: 4, n: 4 },
    ]);
    const docs = [1, 2, 3, 4, 5].map((n) => ({ _id: n, n }));
    expect(await insertAll(collection, docs)).toBe(5);
    expect(await collection.find().sort({ _id: 1 }).toArray()).toEqual(docs);
  });

  it('stops on any other failure', async () => {
    const collection = db.collection<{ _id: number; code: string }>('unique_codes');
    await collection.createIndex({ code: 1 }, { unique: true });
    await collection.insertOne({ _id: 1, code: 'a' });
    await expect(
      insertAll(collection, [
        { _id: 1, code: 'a' },
        { _id: 2, code: 'a' },
      ]),
    ).rejects.toThrow(/duplicate key/);
  });
});
