import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { disclosureControlFromEnv, type DisclosureControl } from '@jol/statistics';
import {
  type AgencyCubes,
  attack,
  attackQueries,
  createGraphQLClient,
  dropAgencyDatabases,
  ensureDevKeys,
  type Group,
  issueDevToken,
  NO_NOISE_PTABLE,
  openAgencyCubes,
  publishAll,
  type PublishedTable,
  publisherInProcess,
  publisherOverHttp,
  seedSyntheticData,
  startInProcessSystem,
  truthOf,
} from '@jol/tools';

/**
 * A bounded run of the differencing harness (npm run stats:attack) on a small seeded store: the
 * region-by-sex tables of 2025 with their margins, every region and sex filtered on its own, and
 * 2000..2025 against 2000..2024, over every measure. What the API publishes gives no small count
 * away; the same attack recovers small counts from the suppression used before and from a
 * planted table without noise, so a zero is the harness finding nothing, not missing everything.
 */
describe('the differencing attack', () => {
  const uri = process.env.MONGODB_URI!;
  const prefix = `e2e_attack_${randomUUID().slice(0, 8)}`;
  const queries = attackQueries(2025, true);
  const K = disclosureControlFromEnv().minCellSize;
  let cubes: AgencyCubes;
  let truth: (group: Group) => number;

  beforeAll(async () => {
    await seedSyntheticData({
      mongodbUri: uri,
      databasePrefix: prefix,
      persons: 800,
      seed: 3,
      progress: false,
    });
    cubes = await openAgencyCubes(uri, prefix);
    truth = await truthOf(cubes);
  });
  afterAll(async () => {
    await cubes?.close();
    await dropAgencyDatabases(uri, prefix);
  });

  it('recovers no small count from what the gateway publishes, at a cost of about 0.5 per count', async () => {
    const keys = await ensureDevKeys(mkdtempSync(join(tmpdir(), 'jol-keys-')));
    const system = await startInProcessSystem({ mongodbUri: uri, databasePrefix: prefix, keys });
    try {
      const analyst = createGraphQLClient(system.gatewayUrl, {
        token: await issueDevToken(keys, { roles: ['ANALYST'] }),
        purpose: 'STATISTICS',
      });
      const publications = await publishAll(publisherOverHttp(analyst), queries);
      const report = attack(publications, disclosureControlFromEnv(), truth);
      expect(report.smallGroups).toBeGreaterThan(100);
      expect(report.recovered).toBe(0);
      expect(report.examples).toEqual([]);
      expect(report.publishedCounts).toBeGreaterThan(500);
      // Over the counts of groups that hold someone: the empty groups of rare measures (consular
      // assistance by type) are published as 0 and would dilute it.
      expect(report.meanAbsolutePerturbationOfNonzero).toBeGreaterThan(0.3);
      expect(report.meanAbsolutePerturbationOfNonzero).toBeLessThan(0.8);
      // The in-process publisher the comparisons below use is the subgraphs' own path: with the
      // published control it gives what the gateway gave, so they compare like with like.
      const [inProcess] = await publishAll(
        publisherInProcess(cubes, disclosureControlFromEnv()),
        queries.slice(0, 1),
      );
      const values = (tables: Map<unknown, PublishedTable>) =>
        [...tables.values()].map((t) =>
          [...t.rows, ...t.margins, t.total].map((r) => [r.value, r.suppressed]),
        );
      expect(values(inProcess!.tables)).toEqual(values(publications[0]!.tables));
    } finally {
      await system.stop();
    }
  });

  it('recovers small counts from a planted table without noise', async () => {
    const control: DisclosureControl = {
      method: 'cellKey',
      minCellSize: K,
      ptable: NO_NOISE_PTABLE,
      smallCells: 'suppress',
    };
    const report = attack(
      await publishAll(publisherInProcess(cubes, control), queries),
      control,
      truth,
    );
    expect(report.recovered).toBeGreaterThan(10);
    expect(report.meanAbsolutePerturbation).toBe(0);
    expect(report.meanAbsolutePerturbationOfNonzero).toBe(0);
    for (const { count } of report.examples) {
      expect(count).toBeGreaterThanOrEqual(1);
      expect(count).toBeLessThan(K);
    }
  });

  it('recovers small counts from the suppression with complements used before', async () => {
    const control: DisclosureControl = { method: 'suppression', minCellSize: K };
    const report = attack(
      await publishAll(publisherInProcess(cubes, control), queries),
      control,
      truth,
    );
    expect(report.recovered).toBeGreaterThan(0);
  });
});
