import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient, type Document } from 'mongodb';
import { refreshAgencyStatistics, STATISTICS_AGENCIES, UNIT_AGENCIES } from '@jol/jobs';
import {
  agencyDatabaseName,
  dropAgencyDatabases,
  LAST_RECORDED_DAY,
  refreshStatistics,
  seedSyntheticData,
  syntheticRecordKeys,
} from '@jol/tools';

/**
 * The operator's refresh against the seed generator: from the same register, the agencies'
 * refreshes (migration publishing the register's export, the others reading it) must write the
 * units the generator wrote and build the cubes the generator built, cell for cell, so that the
 * numbers agree whichever way the statistics were made.
 */
describe('refreshStatistics', () => {
  const uri = process.env.MONGODB_URI!;
  const prefix = `stats_${randomUUID().slice(0, 8)}`;
  const exportDir = mkdtempSync(join(tmpdir(), 'jol-register-export-'));
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
      refreshedAt: LAST_RECORDED_DAY,
    });
  });
  afterAll(async () => {
    await dropAgencyDatabases(uri, prefix);
    await client.close();
  });

  it("refuses an agency's refresh before the register has published its export", async () => {
    await expect(
      refreshAgencyStatistics({
        agency: 'labour',
        mongodbUri: uri,
        database: agencyDatabaseName(prefix, 'labour'),
        exportDir,
        recordKeys: syntheticRecordKeys,
      }),
    ).rejects.toThrow(/no register export in .* run the migration refresh first/);
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
      exportDir,
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
      exportDir,
    });
    const db = client.db(agencyDatabaseName(prefix, 'health'));
    const builds = await db.collection('indicator_builds').find().toArray();
    expect(builds).toHaveLength(2);
    expect(builds.map((b) => b._id)).not.toContain('seed-5-400');
    expect(await db.collection('indicator_cells').countDocuments({ build: 'seed-5-400' })).toBe(0);
  });
});
