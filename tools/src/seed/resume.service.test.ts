import { MongoClient } from 'mongodb';
import { randomUUID } from 'node:crypto';
import { generatePersonBundle } from './person-bundle';
import {
  agencyDatabaseName,
  AGENCIES,
  dropAgencyDatabases,
  resumeFrom,
  seedIsComplete,
  seedSyntheticData,
} from './seed';

describe('resumeFrom', () => {
  it.each([
    [0, 0],
    [1, 0],
    [9, 0],
    // Ten stored: the first batch's persons, perhaps not its other documents.
    [10, 0],
    [11, 10],
    [20, 10],
    [25, 20],
    [30, 20],
  ])('%i persons stored, batches of 10: starts again at person %i', (stored, from) => {
    expect(resumeFrom(stored, 10)).toBe(from);
  });
});

/**
 * A seed that stopped in the middle of a batch, resumed, holds exactly what one uninterrupted
 * seed of the same size holds: nothing missing, nothing twice.
 */
describe('a resumed seed', () => {
  const uri = process.env.MONGODB_URI!;
  const run = randomUUID().slice(0, 8);
  const whole = `test_seed_whole_${run}`;
  const resumed = `test_seed_resumed_${run}`;
  const deferred = `test_seed_deferred_${run}`;
  const refreshedAt = new Date('2026-06-30T00:00:00Z');
  const options = { mongodbUri: uri, seed: 11, progress: false, refreshedAt };
  let client: MongoClient;

  beforeAll(async () => {
    client = await new MongoClient(uri).connect();
    await seedSyntheticData(
      { ...options, databasePrefix: whole, persons: 40 },
      { batchPersons: 10 },
    );
  });
  afterAll(async () => {
    await dropAgencyDatabases(uri, whole);
    await dropAgencyDatabases(uri, resumed);
    await dropAgencyDatabases(uri, deferred);
    await client.close();
  });

  /** Every document of every agency collection, by collection, cubes aside (rebuilt each run). */
  async function contents(prefix: string): Promise<Record<string, unknown[]>> {
    const out: Record<string, unknown[]> = {};
    for (const agency of AGENCIES) {
      const db = client.db(agencyDatabaseName(prefix, agency));
      for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
        if (name.startsWith('indicator')) continue;
        out[`${agency}.${name}`] = await db.collection(name).find().sort({ _id: 1 }).toArray();
      }
    }
    return out;
  }

  /** The indexes of every agency collection: name, key and uniqueness. */
  async function indexes(prefix: string): Promise<Record<string, unknown[]>> {
    const out: Record<string, unknown[]> = {};
    for (const agency of AGENCIES) {
      const db = client.db(agencyDatabaseName(prefix, agency));
      for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
        out[`${agency}.${name}`] = (await db.collection(name).indexes())
          .map((index) => [index.name, index.key, index.unique ?? false])
          .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
      }
    }
    return out;
  }

  it('knows a complete seed from one that stopped before its cubes', async () => {
    expect(await seedIsComplete(uri, whole, 40, options.seed)).toBe(true);
    // Other persons or another seed: not this seed.
    expect(await seedIsComplete(uri, whole, 41, options.seed)).toBe(false);
    expect(await seedIsComplete(uri, whole, 40, options.seed + 1)).toBe(false);
    const stopped = `test_seed_stopped_${run}`;
    try {
      await seedSyntheticData(
        { ...options, databasePrefix: stopped, persons: 20 },
        { batchPersons: 10 },
      );
      expect(await seedIsComplete(uri, stopped, 20, options.seed)).toBe(true);
      // Every person stored, the last agency's cube not built: the run stopped before its end.
      await client
        .db(agencyDatabaseName(stopped, AGENCIES.at(-1)!))
        .collection('indicator_builds')
        .deleteMany({});
      expect(await seedIsComplete(uri, stopped, 20, options.seed)).toBe(false);
    } finally {
      await dropAgencyDatabases(uri, stopped);
    }
  });

  it('stores what an uninterrupted seed stores', async () => {
    // The stopped run: the first 25 persons written, then part of person 22's and 24's records
    // in the other agencies lost, as when a batch is cut off while its collections are written.
    await seedSyntheticData(
      { ...options, databasePrefix: resumed, persons: 25 },
      { batchPersons: 10 },
    );
    let removed = 0;
    for (const index of [22, 24]) {
      const bundle = generatePersonBundle(options.seed, index);
      for (const agency of ['labour', 'health', 'pensions'] as const) {
        const db = client.db(agencyDatabaseName(resumed, agency));
        for (const docs of Object.values(bundle[agency]) as { _id: unknown }[][]) {
          for (const doc of docs) {
            const collections = await db.listCollections({}, { nameOnly: true }).toArray();
            for (const { name } of collections) {
              removed += (await db.collection(name).deleteOne({ _id: doc._id as never }))
                .deletedCount;
            }
          }
        }
      }
    }
    expect(removed).toBeGreaterThan(0);
    expect(await contents(resumed)).not.toEqual(await contents(whole));

    await expect(
      seedSyntheticData({ ...options, databasePrefix: resumed, persons: 40 }, { batchPersons: 10 }),
    ).rejects.toThrow(/already holds/);
    const report = await seedSyntheticData(
      { ...options, databasePrefix: resumed, persons: 40, resume: true },
      { batchPersons: 10 },
    );
    expect(report.resumedFrom).toBe(20);
    expect(await contents(resumed)).toEqual(await contents(whole));
  });

  it('with deferred indexes, stores the same documents and ends with the same indexes', async () => {
    // The stopped run wrote with every index; the resumed one drops them and builds them at
    // the end.
    await seedSyntheticData(
      { ...options, databasePrefix: deferred, persons: 15 },
      { batchPersons: 10 },
    );
    const report = await seedSyntheticData(
      { ...options, databasePrefix: deferred, persons: 40, resume: true },
      { batchPersons: 10, deferIndexes: true },
    );
    expect(report.resumedFrom).toBe(10);
    expect(report.indexesMs).toBeGreaterThan(0);
    expect(await contents(deferred)).toEqual(await contents(whole));
    const built = await indexes(deferred);
    expect(built).toEqual(await indexes(whole));
    // Not just _id: the unique PIN index of the register is among them.
    expect(built['migration.persons']).toContainEqual(['pin_1', { pin: 1 }, true]);
  });
});
