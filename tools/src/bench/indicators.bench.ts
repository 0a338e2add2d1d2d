import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { MongoClient } from 'mongodb';
import { ensureDevKeys, issueDevToken } from '../auth/dev-keys';
import { createGraphQLClient } from '../client/graphql-client';
import { INDICATORS_QUERY as QUERY, MEASURES } from './indicators-query';
import {
  agencyDatabaseName,
  countPersons,
  countStoredDocuments,
  dropAgencyDatabases,
  seedSyntheticData,
} from '../seed/seed';
import { REPO_ROOT, startStore, type RunningStore } from '../store/secantus';
import { startInProcessSystem } from '../system/in-process';

/**
 * `npm run bench:indicators -- --persons 100000`: the time of one cross-agency indicators query
 * with two breakdowns, through the gateway and the four subgraphs, over a seeded store. Not a
 * test: it prints figures. The store lives in .data/bench-store and is reused by later runs with
 * the same persons and seed (seeding 100,000 persons takes minutes).
 */

const USAGE = `Usage: npm run bench:indicators -- [--persons N] [--seed S] [--runs R] [--uri URI] [--fresh]
  --persons N   seeded persons (default 100000)
  --seed S      the generator's seed (default 1)
  --runs R      timed runs after two warm-up runs (default 10)
  --uri URI     a MongoDB server to use instead of the embedded store in .data/bench-store
  --fresh       drop and seed again even if the store holds this seed`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const ms = (value: number) => `${value.toFixed(0)} ms`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      persons: { type: 'string', default: '100000' },
      seed: { type: 'string', default: '1' },
      runs: { type: 'string', default: '10' },
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
  const runs = Number(values.runs);
  if (![persons, seed, runs].every((n) => Number.isInteger(n) && n >= 0) || runs < 1) {
    throw new Error(
      `--persons, --seed and --runs must be whole numbers; got ${JSON.stringify(values)}`,
    );
  }

  let store: RunningStore | null = null;
  let uri = values.uri;
  if (!uri) {
    const dir = join(REPO_ROOT, '.data');
    mkdirSync(dir, { recursive: true });
    store = await startStore({
      storagePath: join(dir, 'bench-store'),
      logFile: join(dir, 'bench-store.log'),
    });
    uri = store.uri;
    console.log(`embedded SecantusDB at ${uri} (storage .data/bench-store)`);
  }
  const prefix = `bench_${persons}_${seed}`;
  try {
    const stored = await countPersons(uri, prefix);
    if (values.fresh || stored !== persons) {
      await dropAgencyDatabases(uri, prefix);
      console.log(`seeding ${persons} persons (seed ${seed}) into ${prefix}_*...`);
      const report = await seedSyntheticData({
        mongodbUri: uri,
        databasePrefix: prefix,
        persons,
        seed,
        progress: true,
      });
      console.log(
        `seeded in ${(report.elapsedMs / 1000).toFixed(1)} s, of which ${(report.statisticsMs / 1000).toFixed(1)} s building the indicator cubes`,
      );
    } else {
      console.log(`reusing ${prefix}_* (${stored} persons)`);
    }
    await describeStore(uri, prefix);

    const keys = await ensureDevKeys(mkdtempSync(join(tmpdir(), 'jol-bench-keys-')));
    const system = await startInProcessSystem({ mongodbUri: uri, databasePrefix: prefix, keys });
    try {
      const analyst = createGraphQLClient(system.gatewayUrl, {
        token: await issueDevToken(keys, { roles: ['ANALYST'] }, '1h'),
        purpose: 'STATISTICS',
      });
      const scenarios = [
        {
          name: 'one year, by REGION x SEX',
          variables: { filter: { year: 2025 }, by: ['REGION', 'SEX'] },
        },
        {
          name: 'five years, by YEAR x AGE_BAND',
          variables: { filter: { fromYear: 2021, toYear: 2025 }, by: ['YEAR', 'AGE_BAND'] },
        },
      ];
      for (const scenario of scenarios) {
        const times: number[] = [];
        let commands: Record<string, number> = {};
        let suppressed = 0;
        let cells = 0;
        for (let run = 0; run < runs + 2; run += 1) {
          system.resetCommandCounts();
          const started = performance.now();
          const result = await analyst(QUERY, scenario.variables);
          const elapsed = performance.now() - started;
          if (result.errors)
            throw new Error(`the query failed: ${JSON.stringify(result.errors[0])}`);
          if (run < 2) continue;
          times.push(elapsed);
          commands = system.commandCounts();
          const tables = Object.values(result.data!.indicators) as Array<{
            rows: Array<{ suppressed: boolean }>;
          }>;
          cells = tables.reduce((n, t) => n + t.rows.length, 0);
          suppressed = tables.reduce((n, t) => n + t.rows.filter((r) => r.suppressed).length, 0);
        }
        const sorted = [...times].sort((a, b) => a - b);
        console.log(
          `\n${MEASURES.length} measures from 4 agencies, ${scenario.name}, ${persons} persons, ${runs} runs:\n` +
            `  median ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, min ${ms(sorted[0]!)}, max ${ms(sorted.at(-1)!)}\n` +
            `  ${cells} cells returned, ${suppressed} withheld; database commands per request: ${JSON.stringify(commands)}`,
        );
      }
    } finally {
      await system.stop();
    }
    await compareWithRawRecords(uri, prefix);
  } finally {
    await store?.stop();
  }
}

/** What the query reads: the cubes, against the records they were built from. */
async function describeStore(uri: string, prefix: string): Promise<void> {
  const counts = await countStoredDocuments(uri, prefix);
  const sum = (filter: (name: string) => boolean) =>
    Object.entries(counts)
      .filter(([name]) => filter(name))
      .reduce((n, [, c]) => n + c, 0);
  const cubes = sum((name) => name.endsWith('.indicator_cells'));
  const records = sum((name) => !/\.(indicator_cells|indicator_builds|audit_events)$/.test(name));
  console.log(
    `store: ${records} records in the four agencies; ${cubes} indicator cells in their cubes ` +
      `(${Object.entries(counts)
        .filter(([name]) => name.endsWith('.indicator_cells'))
        .map(([name, n]) => `${name.split('.')[0]!.split('_').at(-1)} ${n}`)
        .join(', ')})`,
  );
}

/**
 * Why it is fast: the same figure (2025 departures by region and sex) from the cube, through the
 * {build, measure, year} index, and from the raw records joined to the register, as a query-time
 * aggregation would have to.
 */
async function compareWithRawRecords(uri: string, prefix: string): Promise<void> {
  const client = await new MongoClient(uri).connect();
  try {
    const db = client.db(agencyDatabaseName(prefix, 'migration'));
    const build = await db
      .collection('indicator_builds')
      .find()
      .sort({ builtAt: -1 })
      .limit(1)
      .next();
    const match = { build: build?._id, measure: 'departures', year: { $gte: 2025, $lte: 2025 } };
    const plan = (await db.collection('indicator_cells').find(match).explain()) as {
      queryPlanner: {
        winningPlan: { stage: string; inputStage?: { stage: string; indexName?: string } };
      };
    };
    let started = performance.now();
    const fromCube = await db
      .collection('indicator_cells')
      .aggregate<{ persons: number }>([
        { $match: match },
        { $group: { _id: { region: '$region', sex: '$sex' }, persons: { $sum: '$persons' } } },
      ])
      .toArray();
    const cubeMs = performance.now() - started;
    started = performance.now();
    const fromRecords = await db
      .collection('migration_episodes')
      .aggregate<{ persons: number }>([
        {
          $match: {
            departedOn: {
              $gte: new Date(Date.UTC(2025, 0, 1)),
              $lte: new Date(Date.UTC(2025, 11, 31)),
            },
          },
        },
        { $group: { _id: '$pin' } },
        { $lookup: { from: 'persons', localField: '_id', foreignField: 'pin', as: 'person' } },
        { $unwind: '$person' },
        {
          $group: {
            _id: { region: '$person.homeRegion', sex: '$person.sex' },
            persons: { $sum: 1 },
          },
        },
      ])
      .toArray();
    const recordsMs = performance.now() - started;
    const total = (rows: Array<{ persons: number }>) => rows.reduce((n, r) => n + r.persons, 0);
    const input = plan.queryPlanner.winningPlan.inputStage;
    console.log(
      `\nwhy it is fast: one measure (2025 departures by region x sex, ${total(fromCube)} persons)\n` +
        `  from the cube: ${ms(cubeMs)} (${plan.queryPlanner.winningPlan.stage}${input ? ` <- ${input.stage} ${input.indexName ?? ''}` : ''}, ${fromCube.length} groups)\n` +
        `  from the raw records ($match on the episode index, $lookup persons): ${ms(recordsMs)} (${total(fromRecords)} persons)\n` +
        `  the cube is pre-aggregated by npm run stats:refresh (and by the seed): a query reads cells, not records,\n` +
        `  one aggregation per measure matching an equality prefix of the {build, measure, year} index;\n` +
        `  labour, health and pensions join their records to the register's dimensions at build time,\n` +
        `  through their statistical_units, so no query joins across agencies or collections.`,
    );
  } finally {
    await client.close();
  }
}

main().catch((error: unknown) => {
  console.error(`bench:indicators: ${error instanceof Error ? error.message : String(error)}`);
  console.error(USAGE);
  process.exit(1);
});
