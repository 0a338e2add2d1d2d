import { readFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { MongoClient } from 'mongodb';
import { ensureDevKeys, issueDevToken } from '../auth/dev-keys';
import { createGraphQLClient } from '../client/graphql-client';
import { countPersons, dropAgencyDatabases, seedIsComplete, seedSyntheticData } from '../seed/seed';
import { refreshStatistics } from '../stats/refresh-all';
import { syntheticRecordKeys } from '../stats/synthetic-secret';
import { REPO_ROOT, startStore, type RunningStore } from '../store/secantus';
import { startInProcessSystem } from '../system/in-process';

/**
 * `npm run bench:scale -- --persons 1000000`: national-scale figures. Seeds the persons into an
 * embedded store of their own (.data/scale-store; reused by later runs of the same size, and a
 * seed that stopped is resumed where it stopped), printing
 * the seed's time and peak memory (this process and the store's), then times through the gateway:
 * the indicators query, one person's dossier, a page of 200 persons, and the refresh of every
 * agency's statistics. Not a test: it prints figures.
 */

const USAGE = `Usage: npm run bench:scale -- [--persons N] [--runs R] [--concurrency C] [--batch B] [--fresh]
  --persons N       seeded persons (default 1000000)
  --runs R          timed runs of each query after one warm-up (default 5)
  --concurrency C   the seed's writes in flight (default the seed's)
  --batch B         the seed's persons per batch (default the seed's)
  --fresh           seed again from nothing (by default a stopped seed of this size is resumed)
  --skip-refresh    time the queries only, not the refresh of every agency's statistics
  --memory          an in-memory store (nothing kept) instead of .data/scale-store
  --cache SIZE      the store's engine cache (default 4G: at 100,000 persons 1G overflows)`;

const ROW = 'region sex ageBand destination year sector over value suppressed';
const TABLE = `measure rows { ${ROW} } margins { ${ROW} } total { ${ROW} }`;
const INDICATORS = `query ($filter: IndicatorFilter, $by: [IndicatorDimension!]) { indicators(filter: $filter, by: $by) {
  personsAbroad { ${TABLE} } departures { ${TABLE} } returns { ${TABLE} } womenShareAbroad { ${TABLE} }
  employedAbroad { ${TABLE} } formalEmploymentShare { ${TABLE} } activeTbCases { ${TABLE} }
  tbScreenedReturnees { ${TABLE} } insuredAbroad { ${TABLE} } voluntaryContributors { ${TABLE} } } }`;
const DOSSIER = `query ($pin: PIN!) { person(pin: $pin) {
  pin nameLatin { first last } birthDate sex homeRegion status
  episodes { country departedOn returnedOn } employment { country sector employer from to }
  screenings { kind result screenedOn } tbCases { diagnosedOn outcome }
  insurancePeriods { country from to source } contributions { periodMonth amount currency }
  serviceSummary { abroad { years months days } } } }`;
const PAGE = `query ($after: String) { persons(first: 200, after: $after) {
  edges { node { pin homeRegion } }
  pageInfo { endCursor hasNextPage } } }`;

/** Peak resident memory of a process, from /proc (Linux), in MB. */
function peakRssOf(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Math.round(Number(kb) / 1024) : null;
  } catch {
    return null;
  }
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function timed<T>(
  runs: number,
  run: () => Promise<T>,
): Promise<{ median: number; max: number }> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return {
    median: Math.round(times[Math.floor(times.length / 2)]!),
    max: Math.round(times.at(-1)!),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      persons: { type: 'string', default: '1000000' },
      runs: { type: 'string', default: '5' },
      concurrency: { type: 'string' },
      batch: { type: 'string' },
      fresh: { type: 'boolean', default: false },
      'skip-refresh': { type: 'boolean', default: false },
      memory: { type: 'boolean', default: false },
      cache: { type: 'string', default: '4G' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const persons = Number(values.persons);
  const runs = Number(values.runs);
  if (!Number.isInteger(persons) || persons < 1 || !Number.isInteger(runs) || runs < 1)
    throw new Error('--persons and --runs must be positive whole numbers');
  const dir = join(REPO_ROOT, '.data');
  mkdirSync(dir, { recursive: true });
  const store: RunningStore = await startStore({
    storagePath: values.memory ? ':memory:' : join(dir, 'scale-store'),
    logFile: join(dir, 'scale-store.log'),
    cacheSize: values.cache,
    // A store of a million persons on disk takes minutes to open.
    readyTimeoutMs: 900_000,
  });
  // Stopped by a signal (the seed runs for hours), the store is stopped with it, not left
  // running; the seed resumes on the next run.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.log(`${signal}: stopping the store (pid ${store.pid})`);
      void store.stop().finally(() => process.exit(130));
    });
  }
  // Building an index over a million documents holds the embedded store for minutes, during
  // which it answers no heartbeat: the driver's monitor waits that long before it gives up on it
  // (and interrupts the build's own connection).
  const uri = `${store.uri}&connectTimeoutMS=900000`;
  const prefix = `scale_${persons}`;
  console.log(
    `embedded SecantusDB at ${uri} (${values.memory ? 'in memory' : 'storage .data/scale-store'}), pid ${store.pid}`,
  );
  try {
    const stored = values.fresh ? 0 : await countPersons(uri, prefix);
    if (values.fresh || !(await seedIsComplete(uri, prefix, persons, 1))) {
      if (stored === 0) await dropAgencyDatabases(uri, prefix);
      console.log(
        stored === 0
          ? `seeding ${persons} persons into ${prefix}_*`
          : `resuming the seed of ${persons} persons into ${prefix}_* (${stored} stored)`,
      );
      const report = await seedSyntheticData(
        {
          mongodbUri: uri,
          databasePrefix: prefix,
          persons,
          seed: 1,
          progress: true,
          recordKeys: syntheticRecordKeys,
          resume: stored > 0,
        },
        {
          writeConcurrency: values.concurrency ? Number(values.concurrency) : undefined,
          batchPersons: values.batch ? Number(values.batch) : undefined,
          // A bulk load: the indexes are built once at the end (see SeedTuning.deferIndexes).
          deferIndexes: true,
        },
      );
      const documents = Object.values(report.counts).reduce((a, n) => a + n, 0);
      console.log(
        `seed: ${persons - report.resumedFrom} persons` +
          (report.resumedFrom > 0 ? ` (resumed at person ${report.resumedFrom})` : '') +
          `, ${documents} documents in ${(report.elapsedMs / 1000).toFixed(1)} s ` +
          `(${Math.round(((persons - report.resumedFrom) / report.elapsedMs) * 1000)} persons/s; ` +
          `${(report.indexesMs / 1000).toFixed(1)} s of it building the indexes, ` +
          `${(report.statisticsMs / 1000).toFixed(1)} s the cubes); ` +
          `peak RSS: seed process ${mb(process.resourceUsage().maxRSS * 1024)} MB, ` +
          `store ${peakRssOf(store.pid) ?? '?'} MB`,
      );
    } else {
      console.log(`reusing ${prefix}_* (${persons} persons)`);
    }

    const keys = await ensureDevKeys(mkdtempSync(join(tmpdir(), 'jol-scale-keys-')));
    const system = await startInProcessSystem({ mongodbUri: uri, databasePrefix: prefix, keys });
    try {
      const as = async (role: 'ANALYST' | 'LABOUR_OFFICER', purpose: string) =>
        createGraphQLClient(system.gatewayUrl, {
          token: await issueDevToken(keys, { roles: [role] }, '2h'),
          purpose,
        });
      const analyst = await as('ANALYST', 'STATISTICS');
      const labour = await as('LABOUR_OFFICER', 'EMPLOYMENT_SERVICES');
      const check = <T>(result: { errors?: unknown; data?: T | null }) => {
        if (result.errors) throw new Error(JSON.stringify(result.errors).slice(0, 500));
        return result.data!;
      };
      // A query that fails is reported and the others (and the refresh) are still measured.
      const measure = async (label: string, run: () => Promise<unknown>) => {
        try {
          const figure = await timed(runs, run);
          console.log(`${label}: median ${figure.median} ms, max ${figure.max} ms`);
        } catch (error) {
          console.log(`${label}: FAILED (${error instanceof Error ? error.message : error})`);
        }
      };
      const year = new Date().getUTCFullYear() - 1;
      await measure(`indicators (10 measures, ${year}, REGION x SEX)`, async () =>
        check(await analyst(INDICATORS, { filter: { year }, by: ['REGION', 'SEX'] })),
      );
      const client = await new MongoClient(uri).connect();
      const pins = (
        await client
          .db(`${prefix}_pensions`)
          .collection('insurance_periods')
          .aggregate([{ $sample: { size: runs + 1 } }, { $project: { _id: 0, pin: 1 } }])
          .toArray()
      ).map((doc) => doc.pin as string);
      await client.close();
      // The whole record of a person, as the person reads it (every agency's part).
      const subjects = await Promise.all(
        pins.map(async (pin) => ({
          pin,
          read: createGraphQLClient(system.gatewayUrl, {
            token: await issueDevToken(keys, { roles: ['DATA_SUBJECT'], pin }, '2h'),
            purpose: 'SELF_SERVICE',
          }),
        })),
      );
      let next = 0;
      await measure('person dossier (four agencies)', async () => {
        const subject = subjects[next++ % subjects.length]!;
        check(await subject.read(DOSSIER, { pin: subject.pin }));
      });
      let after: string | null = null;
      await measure('page of 200 persons (PIN and home region)', async () => {
        const data = check(
          await labour<{ persons: { pageInfo: { endCursor: string | null } } }>(PAGE, { after }),
        );
        after = data.persons.pageInfo.endCursor;
      });
    } finally {
      await system.stop();
    }

    if (values['skip-refresh']) return;
    const refreshStarted = performance.now();
    const refresh = await refreshStatistics({
      mongodbUri: uri,
      databasePrefix: prefix,
      exportDir: join(dir, 'scale-statistics-export'),
      recordKeys: syntheticRecordKeys,
      log: (line) => console.log(`  ${line}`),
    });
    console.log(
      `refresh (every agency, one after another): ${((performance.now() - refreshStarted) / 1000).toFixed(1)} s, ` +
        `cells ${JSON.stringify(refresh.cells)}; peak RSS: this process ${mb(process.resourceUsage().maxRSS * 1024)} MB, ` +
        `store ${peakRssOf(store.pid) ?? '?'} MB`,
    );
  } finally {
    await store.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.error(USAGE);
  process.exit(1);
});
