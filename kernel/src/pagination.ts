import 'reflect-metadata';
import { Directive, Field, ObjectType } from 'type-graphql';
import { badUserInput } from './errors';

/**
 * Cursors are opaque to clients, not secret: base64url of the sort key of the last item seen. A
 * list whose key is a PIN records every person of each page it serves (recordListed).
 */
export function encodeCursor(key: string): string {
  return Buffer.from(`k:${key}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, field = 'after'): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith('k:') || encodeCursor(text.slice(2)) !== cursor) {
    throw badUserInput(field, cursor, 'must be a cursor returned by an earlier page');
  }
  return text.slice(2);
}

/** Page sizes are bounded so that one request cannot ask for the whole registry. */
export const MAX_PAGE_SIZE = 200;

export function checkPageSize(first: number, field = 'first'): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badUserInput(field, first, `must be an integer from 1 to ${MAX_PAGE_SIZE}`);
  }
  return first;
}

@Directive('@shareable')
@ObjectType({ description: 'Where a page of a cursor connection ends.' })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/** A range of a key, as a store query on it. */
export type KeyRange = { $gt?: string; $gte?: string; $lt?: string };

/**
 * Reads up to `limit` documents in the order of a key of `width` digits (a PIN), after `after`,
 * in widening ranges of the key: `[after, after + span)`, then a range 8 times wider, and so on
 * until the page is full or the key space (`lowest` to `highest`) is covered. `read` is asked for
 * each range in turn (sorted by the key, at most the number it is given). With `population`, the
 * number of documents (an estimate will do), the first range is sized to hold about twice a page
 * if the keys were spread evenly; a filter that makes matches rarer costs a range or two more.
 *
 * Why ranges: the embedded store reads every key of an index range before it applies a limit, so
 * the open-ended `{ key: { $gt: after } }` costs the whole register there (at 100,000 persons, 3 s
 * for a page of 200). MongoDB stops its scan at the limit and answers a range as fast. A cursor
 * that is not a key of `width` digits is read open-ended, in one go.
 */
export async function readKeyPage<T>(options: {
  after: string | null;
  limit: number;
  width: number;
  /** The lowest and highest keys there can be. @default all zeros and all nines */
  lowest?: string;
  highest?: string;
  population?: number;
  /** The first range's width, in key units, when no population is given. @default 10^(width - 5) */
  firstSpan?: bigint;
  read: (range: KeyRange, limit: number) => Promise<T[]>;
}): Promise<T[]> {
  const { after, limit, width, read } = options;
  const digits = new RegExp(`^\\d{${width}}$`);
  if (after !== null && !digits.test(after)) return read({ $gt: after }, limit);
  const key = (value: bigint) => value.toString().padStart(width, '0');
  const lowest = BigInt(options.lowest ?? '0');
  const end = BigInt(options.highest ?? '9'.repeat(width)) + 1n;
  const population = options.population ?? 0;
  let span =
    population > 0
      ? ((end - lowest) * BigInt(2 * limit)) / BigInt(Math.ceil(population)) + 1n
      : (options.firstSpan ?? 10n ** BigInt(Math.max(width - 5, 0)));
  let lower: KeyRange = after === null ? { $gte: key(lowest) } : { $gt: after };
  let from = after === null ? lowest : BigInt(after);
  const page: T[] = [];
  for (;;) {
    const to = from + span;
    const range: KeyRange = to >= end ? lower : { ...lower, $lt: key(to) };
    page.push(...(await read(range, limit - page.length)));
    if (page.length >= limit || to >= end) return page;
    lower = { $gte: key(to) };
    from = to;
    span *= 8n;
  }
}

/** What populationOf needs of a model: an estimate of its count, and the collection it reads. */
export interface EstimableModel {
  collection: object;
  estimatedDocumentCount(): PromiseLike<number>;
}

const estimates = new WeakMap<object, { at: number; value: Promise<number> }>();

/**
 * A collection's size for readKeyPage's `population`, read at most once per `maxAgeMs` for each
 * collection (concurrent pages share the reading). The figure only sizes the first range, so a
 * stale one costs a range more, never a wrong page. MongoDB answers estimatedDocumentCount from
 * its metadata; the embedded store counts, which took 5 s at 1,000,000 persons, once per page.
 */
export function populationOf(
  model: EstimableModel,
  maxAgeMs = 60_000,
  now = Date.now(),
): Promise<number> {
  const known = estimates.get(model.collection);
  if (known && now - known.at < maxAgeMs) return known.value;
  const value = Promise.resolve(model.estimatedDocumentCount());
  estimates.set(model.collection, { at: now, value });
  // A failed reading is not kept: the next page asks again.
  value.catch(() => {
    if (estimates.get(model.collection)?.value === value) estimates.delete(model.collection);
  });
  return value;
}
