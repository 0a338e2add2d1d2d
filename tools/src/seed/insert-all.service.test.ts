import { MongoClient, ObjectId, type Db } from 'mongodb';
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
    const collection = db.collection('docs');
    const docs = [1, 2, 3, 4, 5].map((n) => ({ _id: new ObjectId(), n }));
    await collection.insertMany([docs[1]!, docs[3]!]);
    expect(await insertAll(collection, docs)).toBe(5);
    expect(await collection.find().sort({ n: 1 }).toArray()).toEqual(docs);
  });

  it('forgives a stored document refused on another unique index than _id', async () => {
    const collection = db.collection('pins');
    await collection.createIndex({ pin: 1 }, { unique: true });
    const docs = [1, 2, 3].map((n) => ({ _id: new ObjectId(), pin: `p${n}` }));
    await collection.insertOne(docs[1]!);
    expect(await insertAll(collection, docs)).toBe(3);
    expect(await collection.countDocuments()).toBe(3);
  });

  it('stops on a duplicate of a document not stored', async () => {
    const collection = db.collection('other_pins');
    await collection.createIndex({ pin: 1 }, { unique: true });
    await collection.insertOne({ _id: new ObjectId(), pin: 'p1' });
    await expect(insertAll(collection, [{ _id: new ObjectId(), pin: 'p1' }])).rejects.toThrow(
      /duplicate key/,
    );
  });

  it('stops on any other failure', async () => {
    const collection = db.collection('unique_codes');
    await collection.createIndex({ code: 1 }, { unique: true });
    const first = { _id: new ObjectId(), code: 'a' };
    await collection.insertOne(first);
    await expect(
      insertAll(collection, [first, { _id: new ObjectId(), code: 'a' }]),
    ).rejects.toThrow(/duplicate key/);
  });
});
