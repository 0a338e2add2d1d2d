import { randomUUID } from 'node:crypto';
import { BSON, MongoClient, type Db } from 'mongodb';
import {
  AGENCIES,
  agencyDatabaseName,
  countPersons,
  countStoredDocuments,
  dropAgencyDatabases,
  seedSyntheticData,
  type Agency,
  type SeedOptions,
  type SeedReport,
} from '@jol/tools';

/**
 * The writer against the real store the e2e project starts: 300 persons into fresh databases,
 * then what the four agencies hold, and the same seed again into other databases.
 */

const PERSONS = 300;

describe('seedSyntheticData', () => {
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error('MONGODB_URI is not set: e2e specs run under the jest global setup');
  const options: SeedOptions = {
    mongodbUri: uri,
    databasePrefix: `seed_${randomUUID().slice(0, 8)}`,
    persons: PERSONS,
    seed: 11,
    progress: false,
    // Two seeds compared byte for byte must date their statistics alike.
    refreshedAt: new Date('2026-03-15T08:30:00Z'),
  };
  const copyPrefix = `${options.databasePrefix}_copy`;
  let client: MongoClient;
  let report: SeedReport;
  const db = (agency: Agency, prefix = options.databasePrefix): Db =>
    client.db(agencyDatabaseName(prefix, agency));

  beforeAll(async () => {
    client = await new MongoClient(uri).connect();
    report = await seedSyntheticData(options);
  });
  afterAll(async () => {
    await dropAgencyDatabases(uri, options.databasePrefix);
    await dropAgencyDatabases(uri, copyPrefix);
    await client.close();
  });

  it('writes the persons and reports exactly what the four databases hold', async () => {
    expect(await countPersons(uri, options.databasePrefix)).toBe(PERSONS);
    const stored = await countStoredDocuments(uri, options.databasePrefix);
    expect(stored).toEqual(report.counts);
    expect(report).toMatchObject({ persons: PERSONS, seed: 11 });
    expect(report.elapsedMs).toBeGreaterThan(0);
    const p = options.databasePrefix;
    for (const collection of [
      `${p}_migration.persons`,
      `${p}_migration.migration_episodes`,
      `${p}_migration.entry_bans`,
      `${p}_labour.employment_records`,
      `${p}_labour.employment_guards`,
      `${p}_labour.skills`,
      `${p}_health.health_screenings`,
      `${p}_health.tb_cases`,
      `${p}_health.health_insurance`,
      `${p}_pensions.insurance_periods`,
      `${p}_pensions.insurance_period_locks`,
      `${p}_pensions.pension_contributions`,
    ]) {
      expect({ collection, empty: (stored[collection] ?? 0) === 0 }).toEqual({
        collection,
        empty: false,
      });
    }
    // The services' indexes exist before any write, among them the one-active-TB-case index.
    const tbIndexes = await db('health').collection('tb_cases').indexes();
    expect(tbIndexes.map((index) => index.name)).toContain('one_active_tb_case_per_pin');
  });

  it('refers only to persons the migration service holds, from every agency', async () => {
    const pins = new Set<string>(await db('migration').collection('persons').distinct('pin'));
    expect(pins.size).toBe(PERSONS);
    const unknown: string[] = [];
    const byPin: Array<[Agency, string, string]> = [
      ['migration', 'migration_episodes', 'pin'],
      ['migration', 'entry_bans', 'pin'],
      ['migration', 'dependants', 'pin'],
      ['labour', 'employment_records', 'pin'],
      ['labour', 'employment_guards', '_id'],
      ['labour', 'skills', 'pin'],
      ['labour', 'reintegration_enrolments', 'pin'],
      ['health', 'health_screenings', 'pin'],
      ['health', 'tb_cases', 'pin'],
      ['health', 'health_insurance', 'pin'],
      ['pensions', 'insurance_periods', 'pin'],
      ['pensions', 'insurance_period_locks', '_id'],
      ['pensions', 'pension_contributions', 'pin'],
    ];
    for (const [agency, collection, field] of byPin) {
      const used: string[] = await db(agency).collection(collection).distinct(field);
      for (const pin of used) if (!pins.has(pin)) unknown.push(`${agency}.${collection}: ${pin}`);
    }
    expect(unknown).toEqual([]);
  });

  it('places every stored job inside a stored stay of the same person and country', async () => {
    const episodes = await db('migration').collection('migration_episodes').find().toArray();
    const jobs = await db('labour').collection('employment_records').find().toArray();
    const outside = jobs.filter(
      (job) =>
        !episodes.some(
          (e) =>
            e.pin === job.pin &&
            e.country === job.country &&
            job.from >= e.departedOn &&
            (e.returnedOn === null || (job.to !== null && job.to <= e.returnedOn)),
        ),
    );
    expect(outside).toEqual([]);
  });

  it('stores insurance periods that never overlap for one person', async () => {
    const periods = await db('pensions')
      .collection('insurance_periods')
      .find({}, { sort: { pin: 1, from: 1 } })
      .toArray();
    expect(periods.length).toBeGreaterThan(0);
    const overlaps = periods.filter(
      (period, i) =>
        i > 0 && periods[i - 1]!.pin === period.pin && period.from <= periods[i - 1]!.to,
    );
    expect(overlaps).toEqual([]);
    // The service's own overlap query finds each stored period overlapping only itself.
    for (const period of periods.slice(0, 40)) {
      const clashes = await db('pensions')
        .collection('insurance_periods')
        .countDocuments({ pin: period.pin, from: { $lte: period.to }, to: { $gte: period.from } });
      expect(clashes).toBe(1);
    }
  });

  it('refuses to seed databases that already hold data', async () => {
    await expect(seedSyntheticData(options)).rejects.toThrow(/already holds \d+ documents/);
    expect(await countPersons(uri, options.databasePrefix)).toBe(PERSONS);
  });

  it('writes byte-identical documents, _ids included, for the same options', async () => {
    const copy = await seedSyntheticData({ ...options, databasePrefix: copyPrefix });
    expect(Object.values(copy.counts)).toEqual(Object.values(report.counts));
    for (const agency of AGENCIES) {
      const collections = await db(agency).listCollections({}, { nameOnly: true }).toArray();
      for (const { name } of collections) {
        const read = async (prefix: string) =>
          Buffer.concat(
            (await db(agency, prefix).collection(name).find().sort({ _id: 1 }).toArray()).map(
              (doc) => BSON.serialize(doc),
            ),
          );
        const original = await read(options.databasePrefix);
        expect({
          collection: `${agency}.${name}`,
          identical: original.equals(await read(copyPrefix)),
        }).toEqual({
          collection: `${agency}.${name}`,
          identical: true,
        });
      }
    }
  });
});
