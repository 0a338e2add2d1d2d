import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MongoClient, type Db } from 'mongodb';
import { issueDevToken } from '../auth/dev-keys';
import { agencyDatabaseName } from '../seed/seed';
import {
  cpuBetween,
  formatLoad,
  gatewayErrors,
  printMachine,
  readCpu,
  runLoad,
  startBenchSystem,
  storeCommands,
  type LoadResult,
} from './bench-kit';

/**
 * `npm run bench:dossier`: a citizen's dossier (`person(pin)` with fields of all four agencies, as
 * the data subject) through the gateway, under 1, 10 and 50 concurrent clients; the CPU each
 * process spends per dossier, the store commands per dossier, and the floor: the same store work
 * with the driver alone. Not a test: it prints figures.
 */

const USAGE = `Usage: npm run bench:dossier -- [--persons N] [--seconds S] [--clients 1,10,50] [--callers C]
  --persons N   seeded persons (default 5000)
  --seconds S   seconds of load per level (default 10)
  --clients L   concurrency levels (default 1,10,50)
  --callers C   distinct data subjects (tokens) the requests rotate over (default 50)
  --profile D   run every process with --cpu-prof, writing the profiles into folder D`;

export const DOSSIER_QUERY = `query Dossier($pin: PIN!) {
  person(pin: $pin) {
    nameLatin { first last } homeRegion status
    episodes { country departedOn returnedOn }
    employment { country sector employer }
    screenings { kind result }
    insurancePeriods { country from to source }
    serviceSummary { abroad { years months days } }
    fitForWorkAbroad
  }
}`;

/** Persons with records in all four agencies, so that every subgraph has work to do. */
async function dossierPins(uri: string, prefix: string, count: number): Promise<string[]> {
  const client = await MongoClient.connect(uri);
  try {
    const db = (agency: 'migration' | 'labour' | 'health' | 'pensions') =>
      client.db(agencyDatabaseName(prefix, agency));
    const employed = await db('labour').collection('employment_records').distinct('pin', {});
    const insured = new Set(await db('pensions').collection('insurance_periods').distinct('pin'));
    const screened = new Set(await db('health').collection('health_screenings').distinct('pin'));
    const pins = (employed as string[]).filter((pin) => insured.has(pin) && screened.has(pin));
    if (pins.length === 0) throw new Error('no person has records in all four agencies');
    return pins.slice(0, count);
  } finally {
    await client.close();
  }
}

/**
 * The essential store work of one dossier, with the driver and nothing else: the reads the
 * dossier's fields need, and one audit event inserted per agency (into a collection of its own,
 * so the real chains stay whole).
 */
function floorRequest(dbs: Record<string, Db>): (pin: string) => Promise<void> {
  const audit = (db: Db, pin: string) =>
    db.collection('bench_floor_audit').insertOne({
      at: new Date(),
      requestId: crypto.randomUUID(),
      sub: 'bench',
      roles: ['DATA_SUBJECT'],
      purpose: 'SELF_SERVICE',
      served: ['Person.x'],
      pins: [pin],
      outcome: 'ALLOWED',
    });
  return async (pin) => {
    const { migration, labour, health, pensions } = dbs as Record<
      'migration' | 'labour' | 'health' | 'pensions',
      Db
    >;
    await Promise.all([
      (async () => {
        await Promise.all([
          migration.collection('persons').findOne({ pin }),
          migration.collection('migration_episodes').find({ pin }).toArray(),
        ]);
        await audit(migration, pin);
      })(),
      (async () => {
        await labour.collection('employment_records').find({ pin }).toArray();
        await audit(labour, pin);
      })(),
      (async () => {
        await Promise.all([
          health.collection('health_screenings').find({ pin }).toArray(),
          health.collection('tb_cases').find({ pin }).toArray(),
        ]);
        await audit(health, pin);
      })(),
      (async () => {
        await pensions.collection('insurance_periods').find({ pin }).toArray();
        await audit(pensions, pin);
      })(),
    ]);
  };
}

/** `clients` workers running the floor's requests back to back for `seconds`. */
async function runFloor(
  uri: string,
  prefix: string,
  pins: string[],
  clients: number,
  seconds: number,
): Promise<LoadResult> {
  const client = await MongoClient.connect(uri, { maxPoolSize: Math.max(10, clients * 2) });
  try {
    const dbs = Object.fromEntries(
      (['migration', 'labour', 'health', 'pensions'] as const).map((a) => [
        a,
        client.db(agencyDatabaseName(prefix, a)),
      ]),
    );
    const request = floorRequest(dbs);
    const latencies: number[] = [];
    const started = performance.now();
    const deadline = started + seconds * 1000;
    let n = 0;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (performance.now() < deadline) {
          const t = performance.now();
          await request(pins[n++ % pins.length]!);
          latencies.push(performance.now() - t);
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    await Promise.all(Object.values(dbs).map((db) => db.collection('bench_floor_audit').drop()));
    latencies.sort((a, b) => a - b);
    const at = (p: number) =>
      latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)]!;
    return {
      connections: clients,
      requests: latencies.length,
      non2xx: 0,
      errors: 0,
      seconds: elapsed,
      perSecond: latencies.length / elapsed,
      p50: at(50),
      p95: at(95),
      p99: at(99),
    };
  } finally {
    await client.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      persons: { type: 'string', default: '5000' },
      seconds: { type: 'string', default: '10' },
      clients: { type: 'string', default: '1,10,50' },
      callers: { type: 'string', default: '50' },
      profile: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const persons = Number(values.persons);
  const seconds = Number(values.seconds);
  const callers = Number(values.callers);
  const levels = values.clients.split(',').map(Number);
  if (
    ![persons, seconds, callers, ...levels].every((n) => Number.isInteger(n) && n > 0) ||
    seconds > 120 ||
    levels.some((n) => n > 200)
  )
    throw new Error(`bad arguments ${JSON.stringify(values)}\n${USAGE}`);

  printMachine();
  const bench = await startBenchSystem({
    persons,
    nodeArgs: values.profile ? ['--cpu-prof', `--cpu-prof-dir=${resolve(values.profile)}`] : [],
  });
  try {
    const { system, keys, pids } = bench;
    const pins = await dossierPins(bench.store.uri, bench.prefix, callers);
    const tokens = await Promise.all(
      pins.map((pin) => issueDevToken(keys, { roles: ['DATA_SUBJECT'], pin, sub: `bench-${pin}` })),
    );
    const url = `${system.gatewayUrl}/graphql`;
    const headersFor = (n: number) => {
      const i = n % pins.length;
      return { authorization: `Bearer ${tokens[i]}`, 'x-purpose': 'SELF_SERVICE' };
    };
    // One dossier per caller first: the answer must hold every agency's part, without errors.
    const check = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headersFor(0) },
      body: JSON.stringify({ query: DOSSIER_QUERY, variables: { pin: pins[0] } }),
    });
    const answer = (await check.json()) as { data?: { person?: unknown }; errors?: unknown[] };
    if (!answer.data?.person || answer.errors)
      throw new Error(`the dossier failed: ${JSON.stringify(answer).slice(0, 500)}`);
    // The same body for every request would ask for one person; each caller asks for itself.
    const bodies = pins.map((pin) => JSON.stringify({ query: DOSSIER_QUERY, variables: { pin } }));

    console.log(
      `\ndossier: person(pin) across 4 agencies as DATA_SUBJECT, ${persons} persons, ` +
        `${pins.length} callers in turn, ${seconds} s per level`,
    );
    const results: LoadResult[] = [];
    for (const connections of levels) {
      // Warm-up: JIT, connection pools, token caches.
      await load(url, Math.min(connections, 10), 2, bodies, headersFor);
      const cpuBefore = readCpu(pids);
      const commandsBefore = await storeCommands(system.subgraphUrls);
      const errorsBefore = await gatewayErrors(system.gatewayUrl);
      const result = await load(url, connections, seconds, bodies, headersFor);
      const cpu = cpuBetween(cpuBefore, readCpu(pids));
      const commandsAfter = await storeCommands(system.subgraphUrls);
      const errors = (await gatewayErrors(system.gatewayUrl)) - errorsBefore;
      results.push(result);
      const served = Math.max(1, result.requests);
      const perRequest = (ms: number) => (ms / served).toFixed(1);
      const subgraphNames = Object.keys(system.subgraphUrls);
      const nodeMs = cpu.gateway! + subgraphNames.reduce((s, name) => s + cpu[name]!, 0);
      const commands = subgraphNames.reduce(
        (s, name) => s + commandsAfter[name]! - commandsBefore[name]!,
        0,
      );
      console.log(
        `  ${formatLoad(result)}${errors ? `; ${errors} GraphQL errors in answers` : ''}`,
      );
      console.log(
        `      CPU ms per dossier: gateway ${perRequest(cpu.gateway!)}, ` +
          subgraphNames.map((name) => `${name} ${perRequest(cpu[name]!)}`).join(', ') +
          `, store ${perRequest(cpu.store!)}; Node total ${perRequest(nodeMs)}`,
      );
      console.log(
        `      store commands per dossier: ${(commands / served).toFixed(1)} (` +
          subgraphNames
            .map(
              (name) =>
                `${name} ${((commandsAfter[name]! - commandsBefore[name]!) / served).toFixed(1)}`,
            )
            .join(', ') +
          ')',
      );
    }

    const floorClients = levels.includes(10) ? 10 : levels[0]!;
    const floor = await runFloor(bench.store.uri, bench.prefix, pins, floorClients, seconds);
    const jol = results[levels.indexOf(floorClients)]!;
    console.log(
      `\nfloor (the same reads and one audit insert per agency, driver only, 10 store commands):\n` +
        `  ${formatLoad(floor)}\n` +
        `  Jol's dossier at ${floorClients} clients: ${(jol.perSecond / floor.perSecond).toFixed(2)}x the floor`,
    );
  } finally {
    await bench.stop();
  }
}

function load(
  url: string,
  connections: number,
  seconds: number,
  bodies: string[],
  headersFor: (n: number) => Record<string, string>,
): Promise<LoadResult> {
  // Caller n asks for its own dossier: the body follows the token.
  return runLoad({
    url,
    connections,
    seconds,
    headers: {},
    body: bodies[0]!,
    headersFor,
    bodyFor: (n) => bodies[n % bodies.length]!,
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
