import { randomUUID } from 'node:crypto';
import { MongoClient, type Document } from 'mongodb';
import { LAST_RECORDED_DAY } from '@jol/tools';
import { agencyDatabaseName, dropAgencyDatabases, seedSyntheticData } from '@jol/tools';
import { refreshStatistics, STATISTICS_AGENCIES, UNIT_AGENCIES } from '@jol/jobs';
import { syntheticRecordKeys } from '@jol/tools';

/**
 * The operator's refresh against the seed generator: from the same register, the refresh must
 * write the units the generator wrote and build the cubes the generator built, cell for cell, so
 * that the numbers agree whichever way the statistics were made.
 */
describe('refreshStatistics', () => {
  const uri = process.env.MONGODB_URI!;
  const prefix = `stats_${randomUUID().slice(0, 8)}`;
  let client: MongoClient;
  const read = async (agency: string, collection: string, drop: string[]) =>
    (
      await client
        .db(agencyDatabaseName(prefix, agency as never))
        .collection(collection)
        .find({}, { projection: Object.fromEntries(drop.map((f) => [f, 0])) })
        .toArray()
    )
      .map((doc: Document) => JSON.stringify(doc))
      .sort();

  beforeAll(async () => {
    client = await new MongoClient(uri).connect();
    await seedSyntheticData({
      mongodbUri: uri,
      databasePrefix: prefix,
      persons: 400,
      seed: 5,
      progress: false,
    });
  });
  afterAll(async () => {
    await dropAgencyDatabases(uri, prefix);
    await client.close();
  });

  it('writes the units and builds the cubes the seed generator made', async () => {
    const seededUnits = await Promise.all(
      UNIT_AGENCIES.map((a) => read(a, 'statistical_units', ['_id', 'refreshedAt'])),
    );
    const seededCells = await Promise.all(
      STATISTICS_AGENCIES.map((a) => read(a, 'indicator_cells', ['_id', 'build'])),
    );
    expect(seededCells.every((cells) => cells.length > 0)).toBe(true);

    const report = await refreshStatistics({
      mongodbUri: uri,
      databasePrefix: prefix,
      asOf: LAST_RECORDED_DAY,
      recordKeys: syntheticRecordKeys,
    });
    expect(report.units.labour).toBe(seededUnits[0]!.length);

    const refreshedUnits = await Promise.all(
      UNIT_AGENCIES.map((a) => read(a, 'statistical_units', ['_id', 'refreshedAt'])),
    );
    expect(refreshedUnits).toEqual(seededUnits);
    // The newest build is the refresh's; the seed's is kept as the previous one.
    for (const [i, agency] of STATISTICS_AGENCIES.entries()) {
      const db = client.db(agencyDatabaseName(prefix, agency));
      const builds = await db.collection('indicator_builds').find().sort({ builtAt: -1 }).toArray();
      expect(builds).toHaveLength(2);
      const cells = (
        await db
          .collection('indicator_cells')
          .find({ build: builds[0]!._id }, { projection: { _id: 0, build: 0 } })
          .toArray()
      )
        .map((doc) => JSON.stringify(doc))
        .sort();
      expect({ agency, same: JSON.stringify(cells) === JSON.stringify(seededCells[i]) }).toEqual({
        agency,
        same: true,
      });
    }
  });

  it('keeps only the two newest builds', async () => {
    await refreshStatistics({
      mongodbUri: uri,
      databasePrefix: prefix,
      asOf: LAST_RECORDED_DAY,
      recordKeys: syntheticRecordKeys,
    });
    const db = client.db(agencyDatabaseName(prefix, 'health'));
    const builds = await db.collection('indicator_builds').find().toArray();
    expect(builds).toHaveLength(2);
    expect(builds.map((b) => b._id)).not.toContain('seed-5-400');
    expect(await db.collection('indicator_cells').countDocuments({ build: 'seed-5-400' })).toBe(0);
  });
});
