import { parseArgs } from 'node:util';
import { REFERENCE_DATE } from './figures';
import {
  AGENCIES,
  agencyDatabaseName,
  countStoredDocuments,
  DEFAULT_BATCH_PERSONS,
  dropAgencyDatabases,
  seedSyntheticData,
} from './seed';

/**
 * `npm run seed -- --persons N --seed S [--uri URI] [--prefix P] [--drop]`: seeds synthetic persons
 * into a running store. Without --drop it refuses a store that already holds data.
 */

const USAGE = `Usage: npm run seed -- [--persons N] [--seed S] [--uri URI] [--prefix P] [--drop]
  --persons N       persons to generate (default 5000)
  --seed S          seed of the generator, 0-4294967295 (default 1)
  --uri URI         MongoDB connection string (default $MONGODB_URI)
  --prefix P        databases P_migration, P_labour, P_health, P_pensions, P_consular (default jol)
  --drop            drop those databases first
  --concurrency N   writes in flight at once (default 1, best for SecantusDB; try 4 on MongoDB)
  --batch N         persons generated and written together (default ${DEFAULT_BATCH_PERSONS})`;

/** A problem the user can fix; `usage` says whether the flags were at fault. */
class CliError extends Error {
  constructor(
    message: string,
    readonly usage = false,
  ) {
    super(message);
  }
}

function integerFlag(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value))
    throw new CliError(`--${name} must be a whole number; got "${value}"`, true);
  return Number(value);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        persons: { type: 'string' },
        seed: { type: 'string' },
        uri: { type: 'string' },
        prefix: { type: 'string', default: 'jol' },
        drop: { type: 'boolean', default: false },
        concurrency: { type: 'string' },
        batch: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    throw new CliError((error as Error).message, true);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const persons = integerFlag('persons', values.persons, 5000);
  const seed = integerFlag('seed', values.seed, 1);
  const writeConcurrency = integerFlag('concurrency', values.concurrency, 1);
  const batchPersons = integerFlag('batch', values.batch, DEFAULT_BATCH_PERSONS);
  const prefix = values.prefix;
  const uri = values.uri ?? process.env.MONGODB_URI;
  if (!uri) {
    throw new CliError(
      'no store to seed: run `npm start` first (it starts the embedded store on ' +
        'mongodb://127.0.0.1:27018/?directConnection=true) and pass --uri, or set MONGODB_URI',
    );
  }

  let stored: Record<string, number>;
  try {
    stored = await countStoredDocuments(uri, prefix);
  } catch (error) {
    throw new CliError(
      `cannot reach the store at ${uri} (${(error as Error).message}); ` +
        'run `npm start` first or set MONGODB_URI to a running MongoDB',
    );
  }
  const holding = Object.entries(stored).filter(([, count]) => count > 0);
  if (holding.length > 0 && !values.drop) {
    const documents = holding.reduce((sum, [, count]) => sum + count, 0);
    throw new CliError(
      `the store already holds ${documents} documents in ${holding.length} collections of ` +
        `${prefix}_* (${holding[0]![0]}...); pass --drop to replace them, or --prefix to seed other databases`,
    );
  }
  if (values.drop) {
    await dropAgencyDatabases(uri, prefix);
    console.log(
      `dropped ${AGENCIES.map((agency) => agencyDatabaseName(prefix, agency)).join(', ')}`,
    );
  }

  console.log(
    `seeding ${persons} persons with seed ${seed} into ${prefix}_* ` +
      `(reference date ${REFERENCE_DATE.toISOString().slice(0, 10)})`,
  );
  const report = await seedSyntheticData(
    { mongodbUri: uri, databasePrefix: prefix, persons, seed, progress: true },
    { writeConcurrency, batchPersons },
  );
  const total = Object.values(report.counts).reduce((sum, n) => sum + n, 0);
  const width = Math.max(...Object.keys(report.counts).map((name) => name.length));
  console.log(
    `seeded ${report.persons} persons, ${total} documents in ${(report.elapsedMs / 1000).toFixed(1)} s` +
      ` (of which ${(report.statisticsMs / 1000).toFixed(1)} s building the indicator cubes)`,
  );
  for (const [name, count] of Object.entries(report.counts)) {
    console.log(`  ${name.padEnd(width)}  ${String(count).padStart(10)}`);
  }
}

main().catch((error: unknown) => {
  if (error instanceof CliError || error instanceof RangeError) {
    console.error(`seed: ${error.message}`);
    if (error instanceof CliError && error.usage) console.error(USAGE);
  } else {
    console.error(error);
  }
  process.exit(1);
});
