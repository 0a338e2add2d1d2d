import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { MongoClient } from 'mongodb';
import { devKeysEnv, ensureDevKeys, issueDevToken } from '../auth/dev-keys';
import {
  agencyDatabaseName,
  countPersons,
  dropAgencyDatabases,
  seedSyntheticData,
} from '../seed/seed';
import { REPO_ROOT, startStore, type RunningStore } from '../store/secantus';
import { GENEROUS_ISOLATION_ENV, startSystem } from '../system/system';
import { INDICATORS_QUERY } from './indicators-query';

/**
 * `npm run bench:isolation`: officers' one-person reads alone, then while one analyst sends a
 * burst of indicator queries at once, through the gateway and the four subgraphs as processes
 * with the gateway's default limits, on 127.0.0.1. Not a test: it prints figures.
 */

const USAGE = `Usage: npm run bench:isolation -- [--persons N] [--burst B] [--officers K] [--reads R] [--no-isolation]
  --persons N      seeded persons (default 5000; the store in .data/bench-store is reused)
  --burst B        indicator queries the analyst sends at once (default 200)
  --officers K     officers reading at the same time, one read after another (default 4)
  --reads R        reads measured alone, and at least as many during the burst (default 200)
  --no-isolation   limits and a pool no caller reaches, to compare`;

const OFFICER_READ = `query OfficerRead($pin: PIN!) { person(pin: $pin) {
  pin nameLatin { first last } homeRegion status
  episodes { country departedOn returnedOn }
  employment { country sector from to }
} }`;

/** Longest a single request may take, and longest the burst phase may run. */
const REQUEST_TIMEOUT_MS = 180_000;
const BURST_PHASE_LIMIT_MS = 300_000;

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const ms = (value: number) => (Number.isNaN(value) ? 'n/a' : `${value.toFixed(0)} ms`);

const describeFailures = (failures: Map<string, number>) =>
  failures.size === 0
    ? ''
    : `: ${[...failures.entries()].map(([outcome, n]) => `${n} x ${outcome}`).join('; ')}`;

async function post(
  url: string,
  token: string,
  purpose: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ status: number; codes: string[] }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      'x-purpose': purpose,
    },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
  return {
    status: response.status,
    codes: (body.errors ?? []).map((e) => String(e.extensions?.code ?? 'UNKNOWN')),
  };
}

/** `officers` loops of reads until `enough()` says stop; each read's time in ms. */
async function officerReads(
  url: string,
  tokens: string[],
  pins: string[],
  enough: (done: number) => boolean,
): Promise<{ times: number[]; failed: number; failures: Map<string, number> }> {
  const times: number[] = [];
  const failures = new Map<string, number>();
  let failed = 0;
  let next = 0;
  await Promise.all(
    tokens.map(async (token) => {
      while (!enough(times.length + failed)) {
        const pin = pins[next++ % pins.length]!;
        const started = performance.now();
        const { status, codes } = await post(url, token, 'MIGRATION_REGISTRATION', OFFICER_READ, {
          pin,
        });
        if (status === 200 && codes.length === 0) {
          times.push(performance.now() - started);
        } else {
          failed += 1;
          const outcome = `${status} ${[...new Set(codes)].join(',')}`;
          failures.set(outcome, (failures.get(outcome) ?? 0) + 1);
        }
      }
    }),
  );
  return { times: times.sort((a, b) => a - b), failed, failures };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      persons: { type: 'string', default: '5000' },
      burst: { type: 'string', default: '200' },
      officers: { type: 'string', default: '4' },
      reads: { type: 'string', default: '200' },
      'no-isolation': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const [persons, burst, officers, reads] = [
    values.persons,
    values.burst,
    values.officers,
    values.reads,
  ].map(Number) as [number, number, number, number];
  if (
    ![persons, burst, officers, reads].every((n) => Number.isInteger(n) && n >= 1) ||
    burst > 1000 ||
    officers > 50
  ) {
    throw new Error(
      `--persons, --burst (at most 1000), --officers (at most 50) and --reads must be whole numbers; got ${JSON.stringify(values)}`,
    );
  }

  const dir = join(REPO_ROOT, '.data');
  mkdirSync(dir, { recursive: true });
  const store: RunningStore = await startStore({
    storagePath: join(dir, 'bench-store'),
    logFile: join(dir, 'bench-store.log'),
  });
  const prefix = `bench_${persons}_1`;
  try {
    if ((await countPersons(store.uri, prefix)) !== persons) {
      await dropAgencyDatabases(store.uri, prefix);
      console.log(`seeding ${persons} persons into ${prefix}_*...`);
      await seedSyntheticData({
        mongodbUri: store.uri,
        databasePrefix: prefix,
        persons,
        seed: 1,
        progress: true,
      });
    } else {
      console.log(`reusing ${prefix}_* (${persons} persons)`);
    }
    const pins = await samplePins(store.uri, prefix, 200);

    const keys = await ensureDevKeys(mkdtempSync(join(tmpdir(), 'jol-bench-keys-')));
    const system = await startSystem({
      mongodbUri: store.uri,
      databasePrefix: prefix,
      env: {
        ...devKeysEnv(keys),
        LOG_LEVEL: 'warn',
        ...(values['no-isolation'] ? GENEROUS_ISOLATION_ENV : {}),
      },
      output: { logDir: join(REPO_ROOT, 'test-artifacts', 'logs', 'bench-isolation') },
    });
    try {
      const url = `${system.gatewayUrl}/graphql`;
      const analyst = await issueDevToken(keys, { roles: ['ANALYST'], sub: 'analyst-1' }, '1h');
      const officerTokens = await Promise.all(
        Array.from({ length: officers }, (_, i) =>
          issueDevToken(keys, { roles: ['MIGRATION_OFFICER'], sub: `officer-${i + 1}` }, '1h'),
        ),
      );
      const variables = { filter: { year: 2025 }, by: ['REGION', 'SEX'] };
      // Warm-up: plans cached, connections open, one indicators query timed alone.
      await officerReads(url, officerTokens, pins, (done) => done >= officers * 5);
      const startedOne = performance.now();
      const one = await post(url, analyst, 'STATISTICS', INDICATORS_QUERY, variables);
      const oneMs = performance.now() - startedOne;
      if (one.status !== 200 || one.codes.length > 0)
        throw new Error(`the indicators query failed: ${one.status} ${one.codes.join(', ')}`);

      const alone = await officerReads(url, officerTokens, pins, (done) => done >= reads);

      const outcomes = new Map<string, number>();
      const analystTimes: number[] = [];
      let burstDone = false;
      let burstMs = 0;
      const phaseStarted = performance.now();
      const burstRuns = Promise.all(
        Array.from({ length: burst }, async () => {
          const started = performance.now();
          let outcome: string;
          try {
            const { status, codes } = await post(
              url,
              analyst,
              'STATISTICS',
              INDICATORS_QUERY,
              variables,
            );
            outcome =
              status === 200 && codes.length === 0
                ? 'served'
                : `${status} ${[...new Set(codes)].join(',')}`;
            if (outcome === 'served') analystTimes.push(performance.now() - started);
          } catch (error) {
            outcome = error instanceof Error ? error.name : 'failed';
          }
          outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        }),
      ).finally(() => {
        burstDone = true;
        burstMs = performance.now() - phaseStarted;
      });
      const during = await officerReads(
        url,
        officerTokens,
        pins,
        (done) =>
          (burstDone && done >= reads) || performance.now() - phaseStarted > BURST_PHASE_LIMIT_MS,
      );
      await burstRuns;

      analystTimes.sort((a, b) => a - b);
      const p95Alone = percentile(alone.times, 95);
      const p95During = percentile(during.times, 95);
      console.log(
        `\n${values['no-isolation'] ? 'WITHOUT isolation (limits no caller reaches)' : 'with the default rate limits and heavy-operation pool'}, ${persons} persons\n` +
          `one indicators query alone (${INDICATORS_QUERY.length} characters, 19 measures, by REGION x SEX): ${ms(oneMs)}\n` +
          `officers' one-person reads (${officers} officers, migration + labour):\n` +
          `  alone:        p50 ${ms(percentile(alone.times, 50))}, p95 ${ms(p95Alone)} (${alone.times.length} reads, ${alone.failed} failed${describeFailures(alone.failures)})\n` +
          `  during burst: p50 ${ms(percentile(during.times, 50))}, p95 ${ms(p95During)} (${during.times.length} reads, ${during.failed} failed${describeFailures(during.failures)})\n` +
          `  p95 during / p95 alone: ${(p95During / p95Alone).toFixed(2)}x (goal: at most 3x)\n` +
          `analyst's burst of ${burst} indicator queries at once, over in ${(burstMs / 1000).toFixed(1)} s:\n` +
          [...outcomes.entries()]
            .sort((a, b) => b[1] - a[1])
            .map(([outcome, n]) => `  ${outcome}: ${n}`)
            .join('\n') +
          (analystTimes.length > 0
            ? `\n  served ones took p50 ${ms(percentile(analystTimes, 50))}, p95 ${ms(percentile(analystTimes, 95))}`
            : ''),
      );
    } finally {
      await system.stop();
    }
  } finally {
    await store.stop();
  }
}

/** PINs of `count` seeded persons, for the officers to read. */
async function samplePins(uri: string, prefix: string, count: number): Promise<string[]> {
  const client = await new MongoClient(uri).connect();
  try {
    const persons = await client
      .db(agencyDatabaseName(prefix, 'migration'))
      .collection<{ pin: string }>('persons')
      .find({}, { projection: { pin: 1 } })
      .limit(count)
      .toArray();
    if (persons.length === 0) throw new Error('the store holds no persons');
    return persons.map((p) => p.pin);
  } finally {
    await client.close();
  }
}

main().catch((error: unknown) => {
  console.error(`bench:isolation: ${error instanceof Error ? error.message : String(error)}`);
  console.error(USAGE);
  process.exit(1);
});
