import { performance } from 'node:perf_hooks';
import { Presets, SingleBar } from 'cli-progress';
import { MongoClient } from 'mongodb';
import type { Connection, Model } from 'mongoose';
import { createConsularModels } from '@jol/consular';
import { createHealthModels } from '@jol/health';
import { createLabourModels } from '@jol/labour';
import { createMigrationModels } from '@jol/migration';
import { createPensionsModels } from '@jol/pensions';
import { connectStore, ensureIndexes } from '@jol/kernel';
import { buildDay, type RecordKeys } from '@jol/statistics';
import { rebuildAgencyIndicators } from '@jol/jobs';
import { syntheticRecordKeys } from '../stats/synthetic-secret';
import { generatePersonBundle, MAX_PERSONS, type PersonBundle } from './person-bundle';
import { checkSeed } from './random';

/**
 * The batching writer: generates persons a batch at a time and writes each batch to the
 * agency databases while the next batch is generated, so that memory stays flat however many
 * persons are seeded (at most two batches are alive: the one being written, the one being made).
 */

export interface SeedOptions {
  /** A MongoDB connection string without a database. */
  mongodbUri: string;
  /** Databases are `<prefix>_<agency>`, one per agency (AGENCIES). */
  databasePrefix: string;
  persons: number;
  /** Same seed and persons: byte-identical documents, `_id`s included. */
  seed: number;
  /** Draw a progress bar on stderr. */
  progress: boolean;
  /** The record keys the cubes are built with. @default the synthetic secret's */
  recordKeys?: RecordKeys;
  /**
   * When the seed's statistics are made, as a refresh run then would make them: the cubes cover
   * every day up to this one and are dated at it. @default now
   */
  refreshedAt?: Date;
  /**
   * Continue a seed that stopped (a national-scale seed runs for hours): the documents stored
   * are kept and writing starts again at the batch the stopped run was writing (see
   * resumeFrom), with the same seed, persons and batch size. @default false: refuse a store
   * that holds documents
   */
  resume?: boolean;
}

export interface SeedReport {
  persons: number;
  seed: number;
  /** The first person this run wrote: 0, or where a resumed seed started again. */
  resumedFrom: number;
  /** Documents written per collection, keyed `<database>.<collection>`. */
  counts: Record<string, number>;
  elapsedMs: number;
  /** Of elapsedMs, the time spent building the indicator cubes at the end. */
  statisticsMs: number;
  /** Of elapsedMs, the time spent building deferred indexes (SeedTuning.deferIndexes), else 0. */
  indexesMs: number;
}

export const AGENCIES = ['migration', 'labour', 'health', 'pensions', 'consular'] as const;
export type Agency = (typeof AGENCIES)[number];

/** How the writer spends the store's time; the defaults suit the embedded SecantusDB. */
export interface SeedTuning {
  /**
   * insertMany calls in flight at once, spread over the agencies. SecantusDB serialises
   * writes and slows down when they are concurrent (measured: 4 in flight, one per agency, write
   * about 3x fewer documents per second than 1 at a time), so the default writes one collection
   * after another; a MongoDB server may gain from 4.
   * @default 1
   */
  writeConcurrency?: number;
  /** Persons generated and written together (about 11 documents each). @default 2500 */
  batchPersons?: number;
  /**
   * Write with the `_id` index alone and build the other indexes once every person is written,
   * as a bulk load does: each index a document is written to costs the embedded store about as
   * much as the document itself (measured: 5,000 persons written in 16 s without them and 48 s
   * with them; building them afterwards took 7 s). Unique keys are then checked when the
   * indexes are built, at the end. @default false
   */
  deferIndexes?: boolean;
}

export const DEFAULT_BATCH_PERSONS = 2_500;

export function agencyDatabaseName(prefix: string, agency: Agency): string {
  return `${prefix}_${agency}`;
}

const MODEL_FACTORIES = {
  migration: createMigrationModels,
  labour: createLabourModels,
  health: createHealthModels,
  pensions: createPensionsModels,
  consular: createConsularModels,
} as const;

/** The documents of a batch of persons, by agency and model name, as in a PersonBundle. */
type Batch = { [A in Agency]: Record<string, unknown[]> };

interface AgencyStore {
  agency: Agency;
  connection: Connection;
  /** The agency's models by name (the keys of a PersonBundle's agency part). */
  models: Record<string, Model<unknown>>;
  /** The same models, typed, for the agency's indicator build. */
  typed: ReturnType<(typeof MODEL_FACTORIES)[Agency]>;
}

/**
 * Where a stopped seed starts again, given the persons stored: at most one batch was being
 * written when it stopped (the next one is written only after it), so every batch before the
 * one holding the last stored person is complete. That batch, or the one before it when the
 * count ends exactly at a batch's end (its persons stored, other agencies' documents perhaps
 * not), is written again; documents already stored are kept under their own ids (insertAll).
 */
export function resumeFrom(storedPersons: number, batchPersons: number): number {
  return Math.max(0, (Math.ceil(storedPersons / batchPersons) - 1) * batchPersons);
}

/**
 * Seeds `persons` synthetic persons into an empty store: creates every collection and index the
 * services declare, then writes the persons in batches. Refuses a store whose agency databases
 * already hold documents, so that two seeds are never mixed, unless told to resume one.
 */
export async function seedSyntheticData(
  options: SeedOptions,
  tuning: SeedTuning = {},
): Promise<SeedReport> {
  checkOptions(options);
  const concurrency = tuning.writeConcurrency ?? 1;
  const batchPersons = tuning.batchPersons ?? DEFAULT_BATCH_PERSONS;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
    throw new RangeError(`writeConcurrency must be an integer from 1 to 64; got ${concurrency}`);
  }
  if (!Number.isInteger(batchPersons) || batchPersons < 1 || batchPersons > 100_000) {
    throw new RangeError(`batchPersons must be an integer from 1 to 100000; got ${batchPersons}`);
  }
  const started = performance.now();
  let statisticsStarted = started;
  const stores = await openStores(options.mongodbUri, options.databasePrefix);
  const counts: Record<string, number> = {};
  let resumedFrom = 0;
  let indexesMs = 0;
  const bar = options.progress
    ? new SingleBar(
        {
          format:
            'seeding [{bar}] {percentage}% | {value}/{total} persons | {duration_formatted} | ETA {eta_formatted}',
          etaBuffer: 20,
          // Without a terminal (logs, CI), a line every 10 s instead of a redrawn bar.
          noTTYOutput: true,
          notTTYSchedule: 10_000,
        },
        Presets.shades_classic,
      )
    : null;
  try {
    for (const store of stores) {
      if (tuning.deferIndexes) await createCollections(store);
      else await ensureIndexes(store.connection);
      for (const model of Object.values(store.models)) {
        const stored = await model.estimatedDocumentCount();
        if (stored > 0 && !options.resume) {
          throw new Error(
            `${store.connection.name}.${model.collection.collectionName} already holds ${stored} documents; ` +
              'seed only an empty store (drop the databases first, e.g. npm run seed -- --drop)',
          );
        }
        counts[`${store.connection.name}.${model.collection.collectionName}`] = 0;
      }
    }
    if (tuning.deferIndexes) for (const store of stores) await dropSecondaryIndexes(store);
    const migration = stores.find((store) => store.agency === 'migration')!;
    resumedFrom = options.resume
      ? Math.min(
          resumeFrom(await migration.models.Person!.countDocuments(), batchPersons),
          options.persons,
        )
      : 0;
    bar?.start(options.persons, resumedFrom);
    let writing: Promise<void> = Promise.resolve();
    for (let from = resumedFrom; from < options.persons; from += batchPersons) {
      const to = Math.min(from + batchPersons, options.persons);
      const batch = generateBatch(options.seed, from, to);
      await writing;
      writing = writeBatch(stores, batch, counts, concurrency).then(() => bar?.update(to));
      // Handled when awaited; this only keeps a failure during generation from going unhandled.
      writing.catch(() => undefined);
    }
    await writing;
    bar?.stop();
    if (tuning.deferIndexes) {
      const indexing = performance.now();
      for (const store of stores) await ensureIndexes(store.connection);
      indexesMs = performance.now() - indexing;
    }
    statisticsStarted = performance.now();
    await buildStatistics(stores, options, counts);
  } finally {
    bar?.stop();
    await Promise.all(stores.map((store) => store.connection.close()));
  }
  const ended = performance.now();
  return {
    persons: options.persons,
    seed: options.seed,
    resumedFrom,
    counts,
    elapsedMs: Math.round(ended - started),
    statisticsMs: Math.round(ended - statisticsStarted),
    indexesMs: Math.round(indexesMs),
  };
}

/**
 * Builds each agency's indicator cube from what was just written, as `npm run stats:refresh`
 * would at `refreshedAt` (the statistical units came with the persons): the cubes cover up to that
 * day, the current year included, and say when they were made. The build is named after the seed.
 */
async function buildStatistics(
  stores: readonly AgencyStore[],
  options: SeedOptions,
  counts: Record<string, number>,
): Promise<void> {
  const refreshedAt = options.refreshedAt ?? new Date();
  const build = {
    asOf: buildDay(refreshedAt),
    buildId: `seed-${options.seed}-${options.persons}`,
    builtAt: refreshedAt,
    recordKeys: options.recordKeys ?? syntheticRecordKeys,
  };
  for (const store of stores) {
    const { cells } = await rebuildAgencyIndicators(store.agency, store.typed as never, build);
    counts[`${store.connection.name}.indicator_cells`] = cells;
    counts[`${store.connection.name}.indicator_builds`] = 1;
  }
}

/** The persons in `<prefix>_migration`: 0 for a store never seeded. */
export async function countPersons(uri: string, prefix: string): Promise<number> {
  const connection = await connectStore({ uri, dbName: agencyDatabaseName(prefix, 'migration') });
  try {
    return await createMigrationModels(connection).Person.countDocuments();
  } finally {
    await connection.close();
  }
}

/**
 * Whether a seed of `persons` persons (with `seed`) ran to its end: its persons are all stored and
 * every agency holds the indicator build made last (named after the seed). A seed that stopped
 * while building its deferred indexes or its cubes has every person and is not complete.
 */
export async function seedIsComplete(
  uri: string,
  prefix: string,
  persons: number,
  seed: number,
): Promise<boolean> {
  const client = await new MongoClient(uri, { serverSelectionTimeoutMS: 10_000 }).connect();
  try {
    const register = client.db(agencyDatabaseName(prefix, 'migration')).collection('persons');
    if ((await register.countDocuments()) !== persons) return false;
    for (const agency of AGENCIES) {
      const builds = client.db(agencyDatabaseName(prefix, agency)).collection('indicator_builds');
      if ((await builds.countDocuments({ _id: `seed-${seed}-${persons}` as never })) !== 1)
        return false;
    }
    return true;
  } finally {
    await client.close();
  }
}

/** Documents per collection in the agency databases, keyed `<database>.<collection>`. */
export async function countStoredDocuments(
  uri: string,
  prefix: string,
): Promise<Record<string, number>> {
  const client = await new MongoClient(uri, { serverSelectionTimeoutMS: 10_000 }).connect();
  try {
    const counts: Record<string, number> = {};
    for (const agency of AGENCIES) {
      const db = client.db(agencyDatabaseName(prefix, agency));
      const collections = await db.listCollections({}, { nameOnly: true }).toArray();
      for (const { name } of collections.sort((a, b) => a.name.localeCompare(b.name))) {
        counts[`${db.databaseName}.${name}`] = await db.collection(name).countDocuments();
      }
    }
    return counts;
  } finally {
    await client.close();
  }
}

/** Drops the agency databases of `prefix`. */
export async function dropAgencyDatabases(uri: string, prefix: string): Promise<void> {
  const client = await new MongoClient(uri, { serverSelectionTimeoutMS: 10_000 }).connect();
  try {
    for (const agency of AGENCIES)
      await client.db(agencyDatabaseName(prefix, agency)).dropDatabase();
  } finally {
    await client.close();
  }
}

function checkOptions(options: SeedOptions): void {
  if (!Number.isInteger(options.persons) || options.persons < 0 || options.persons > MAX_PERSONS) {
    throw new RangeError(
      `persons must be an integer from 0 to ${MAX_PERSONS}; got ${options.persons}`,
    );
  }
  checkSeed(options.seed);
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(options.databasePrefix)) {
    throw new RangeError(
      `databasePrefix must be 1-40 letters, digits, '_' or '-'; got ${JSON.stringify(options.databasePrefix)}`,
    );
  }
}

/** The agency's collections, one after another and without indexes (see deferIndexes). */
async function createCollections(store: AgencyStore): Promise<void> {
  for (const model of Object.values(store.models)) {
    await model.createCollection().catch((error: { codeName?: string }) => {
      if (error.codeName !== 'NamespaceExists') throw error;
    });
  }
}

/** Drops every index of the agency's collections but `_id`'s (built again at the end). */
async function dropSecondaryIndexes(store: AgencyStore): Promise<void> {
  for (const model of Object.values(store.models)) {
    for (const index of await model.collection.indexes()) {
      if (index.name !== undefined && index.name !== '_id_')
        await model.collection.dropIndex(index.name);
    }
  }
}

/** Opens one connection per agency database and binds the agency's models to it. */
async function openStores(uri: string, prefix: string): Promise<AgencyStore[]> {
  return Promise.all(
    AGENCIES.map(async (agency) => {
      const connection = await connectStore({ uri, dbName: agencyDatabaseName(prefix, agency) });
      const typed = MODEL_FACTORIES[agency](connection);
      const { connection: _bound, ...models } = typed;
      return {
        agency,
        connection,
        models: models as unknown as Record<string, Model<unknown>>,
        typed,
      };
    }),
  );
}

/** The documents of persons [from, to), gathered per agency and model. */
export function generateBatch(seed: number, from: number, to: number): Batch {
  const batch: Batch = { migration: {}, labour: {}, health: {}, pensions: {}, consular: {} };
  for (let index = from; index < to; index += 1) {
    const bundle: PersonBundle = generatePersonBundle(seed, index);
    for (const agency of AGENCIES) {
      const target = batch[agency];
      for (const [model, docs] of Object.entries(bundle[agency]) as Array<[string, unknown[]]>) {
        const list = (target[model] ??= []);
        for (const doc of docs) list.push(doc);
      }
    }
  }
  return batch;
}

/**
 * Inserts documents of the generator (their `_id` is derived from the seed, so the same document
 * always has the same id) and resolves to how many are stored. A document refused as a duplicate
 * whose `_id` is stored already is that document, stored before: the embedded store, retrying an
 * insert it rolled back on a write conflict, sometimes stores part of it twice over (a
 * 1,000,000-person seed stopped on it), and a resumed seed writes its first batch again. The
 * store may name any unique index in the refusal (SecantusDB names `pin_1` before `_id_`), so the
 * ids are looked up. Any other failure, or a duplicate of a document not stored, stops the seed.
 */
export async function insertAll(
  collection: {
    insertMany(docs: object[], options: { ordered: boolean }): Promise<{ insertedCount: number }>;
    countDocuments(filter: object): Promise<number>;
  },
  docs: readonly unknown[],
): Promise<number> {
  try {
    return (await collection.insertMany(docs as object[], { ordered: false })).insertedCount;
  } catch (error) {
    // By shape: mongoose carries a driver of its own, whose error classes are not this package's.
    const writeErrors = (error as { writeErrors?: unknown } | null)?.writeErrors;
    if (writeErrors === undefined) throw error;
    const failures = (Array.isArray(writeErrors) ? writeErrors : [writeErrors]) as {
      code?: unknown;
      index?: unknown;
    }[];
    const ids = failures.map((failure) =>
      failure.code === 11000 && typeof failure.index === 'number'
        ? (docs[failure.index] as { _id?: unknown } | undefined)?._id
        : undefined,
    );
    if (ids.some((id) => id === undefined)) throw error;
    // One lookup per id: SecantusDB answers `_id: { $in: [...] }` by scanning the collection.
    for (const id of ids) if ((await collection.countDocuments({ _id: id })) !== 1) throw error;
    // Every document is stored once: inserted now, or found there under its own id.
    return docs.length;
  }
}

/**
 * Writes one batch, one insertMany per collection, with at most `concurrency` in flight; the
 * collections are taken agency by agency in turn, so that concurrent writes go to different
 * databases.
 */
async function writeBatch(
  stores: readonly AgencyStore[],
  batch: Batch,
  counts: Record<string, number>,
  concurrency: number,
): Promise<void> {
  const perAgency = stores.map((store) =>
    Object.entries(batch[store.agency])
      .filter(([, docs]) => docs.length > 0)
      .map(([modelName, docs]) => ({ store, modelName, docs })),
  );
  const queue: Array<(typeof perAgency)[number][number]> = [];
  for (let i = 0; perAgency.some((list) => i < list.length); i += 1) {
    for (const list of perAgency) if (i < list.length) queue.push(list[i]!);
  }
  const worker = async () => {
    for (let task = queue.shift(); task; task = queue.shift()) {
      const model = task.store.models[task.modelName];
      if (!model) throw new Error(`no model ${task.modelName} in the ${task.store.agency} service`);
      const key = `${task.store.connection.name}.${model.collection.collectionName}`;
      counts[key] = (counts[key] ?? 0) + (await insertAll(model.collection, task.docs));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
}
