import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  DEFAULT_PTABLE,
  describePerturbation,
  disclosureControlFromEnv,
  type DisclosureControl,
} from '@jol/statistics';
import { ensureDevKeys, issueDevToken } from '../auth/dev-keys';
import { createGraphQLClient } from '../client/graphql-client';
import { countPersons, dropAgencyDatabases, seedSyntheticData } from '../seed/seed';
import { REPO_ROOT, startStore, type RunningStore } from '../store/secantus';
import { startInProcessSystem } from '../system/in-process';
import { attack, type AttackReport } from './attack';
import {
  attackQueries,
  openAgencyCubes,
  publishAll,
  publisherInProcess,
  publisherOverHttp,
  truthOf,
  type Publisher,
} from './attack-run';
import { NO_NOISE_PTABLE } from './planted-ptables';

/**
 * `npm run stats:attack -- [--persons N] [--seed S] [--year Y] [--uri URI]`: the differencing
 * attack on a seeded store, against what the API publishes (through the gateway) and, for
 * comparison, against other ways of protecting the same cubes. Not a test: it prints figures.
 */

const USAGE = `Usage: npm run stats:attack -- [--persons N] [--seed S] [--year Y] [--uri URI] [--fresh]
  --persons N   seeded persons (default 5000)
  --seed S      the generator's seed (default 1)
  --year Y      the year attacked (default 2025, the seeded data's last)
  --uri URI     a MongoDB server to use instead of the embedded store in .data/attack-store
  --fresh       drop and seed again even if the store holds this seed`;

function line(name: string, report: AttackReport): string {
  const share = report.smallGroups === 0 ? 0 : (100 * report.recovered) / report.smallGroups;
  return (
    `${name}\n` +
    `  ${report.groups} groups published, ${report.smallGroups} of 1 to K-1 persons; ` +
    `recovered exactly: ${report.recovered} (${share.toFixed(1)}%)\n` +
    `  ${report.publishedCounts} counts published, ${report.withheld} withheld; ` +
    `mean absolute perturbation ${report.meanAbsolutePerturbation.toFixed(3)} ` +
    `(${report.meanAbsolutePerturbationOfNonzero.toFixed(3)} over the ${report.nonzeroCounts} of groups holding someone)` +
    (report.examples.length > 0
      ? `\n  e.g. ${report.examples
          .slice(0, 3)
          .map((e) => `${e.group} = ${e.count}`)
          .join('; ')}`
      : '')
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      persons: { type: 'string', default: '5000' },
      seed: { type: 'string', default: '1' },
      year: { type: 'string', default: '2025' },
      uri: { type: 'string' },
      fresh: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const persons = Number(values.persons);
  const seed = Number(values.seed);
  const year = Number(values.year);
  if (![persons, seed, year].every((n) => Number.isInteger(n) && n >= 0)) {
    throw new Error(
      `--persons, --seed and --year must be whole numbers; got ${JSON.stringify(values)}`,
    );
  }
  let store: RunningStore | null = null;
  let uri = values.uri;
  if (!uri) {
    const dir = join(REPO_ROOT, '.data');
    mkdirSync(dir, { recursive: true });
    store = await startStore({
      storagePath: join(dir, 'attack-store'),
      logFile: join(dir, 'attack-store.log'),
    });
    uri = store.uri;
  }
  const prefix = `attack_${persons}_${seed}`;
  try {
    if (values.fresh || (await countPersons(uri, prefix)) !== persons) {
      await dropAgencyDatabases(uri, prefix);
      console.log(`seeding ${persons} persons (seed ${seed}) into ${prefix}_*...`);
      await seedSyntheticData({
        mongodbUri: uri,
        databasePrefix: prefix,
        persons,
        seed,
        progress: true,
      });
    }
    const published = disclosureControlFromEnv();
    console.log(
      `the differencing attack on ${year}, ${persons} persons, K = ${published.minCellSize}\n` +
        `${describePerturbation(DEFAULT_PTABLE)}\n`,
    );
    const queries = attackQueries(year);
    const cubes = await openAgencyCubes(uri, prefix);
    try {
      const truth = await truthOf(cubes);
      const run = async (name: string, publisher: Publisher, control: DisclosureControl) => {
        const publications = await publishAll(publisher, queries);
        console.log(
          line(`${name} (${queries.length} queries)`, attack(publications, control, truth)),
        );
      };
      const keys = await ensureDevKeys(mkdtempSync(join(tmpdir(), 'jol-attack-keys-')));
      const system = await startInProcessSystem({ mongodbUri: uri, databasePrefix: prefix, keys });
      try {
        const analyst = createGraphQLClient(system.gatewayUrl, {
          token: await issueDevToken(keys, { roles: ['ANALYST'] }, '1h'),
          purpose: 'STATISTICS',
        });
        await run(
          'published: cell key, withheld when perturbed below K, through the gateway',
          publisherOverHttp(analyst),
          published,
        );
      } finally {
        await system.stop();
      }
      const K = published.minCellSize;
      const alternatives: Array<[string, DisclosureControl]> = [
        [
          'cell key, cells of 1 to K-1 true persons withheld',
          { method: 'cellKey', minCellSize: K, ptable: DEFAULT_PTABLE, smallCells: 'suppress' },
        ],
        [
          'cell key, small cells perturbed and published',
          { method: 'cellKey', minCellSize: K, ptable: DEFAULT_PTABLE, smallCells: 'perturb' },
        ],
        [
          'before: suppression with complements, per table',
          { method: 'suppression', minCellSize: K },
        ],
        [
          'planted: no noise, small cells withheld',
          { method: 'cellKey', minCellSize: K, ptable: NO_NOISE_PTABLE, smallCells: 'suppress' },
        ],
      ];
      for (const [name, control] of alternatives) {
        await run(name, publisherInProcess(cubes, control), control);
      }
    } finally {
      await cubes.close();
    }
  } finally {
    await store?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(
    `stats:attack: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
  );
  console.error(USAGE);
  process.exit(1);
});
