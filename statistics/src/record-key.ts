import { createHmac } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

/**
 * Record keys of the cell key method: every person carries a fixed random number, and a cell's
 * key is the sum of the keys of the records it counts, modulo KEY_SPACE. Keys are integers from
 * 0 to KEY_SPACE - 1 (a key k stands for k / KEY_SPACE in [0, 1)), so that sums are exact and a
 * cell's key does not depend on the order its records were added in.
 *
 * A person's key is the HMAC-SHA256 of the PIN under the statistics secret: stable across
 * refreshes and the same in every agency without being stored, and nothing a caller can compute
 * without the secret. Changing the secret draws new noise for every cell, which lets a caller
 * average the old and new values of a cell: the secret is set once per deployment and kept.
 */
export const KEY_SPACE = 2 ** 32;

/** A person's record key, from the PIN. */
export type RecordKeys = (pin: string) => number;

export function createRecordKeys(secret: string): RecordKeys {
  if (secret.length < 32) {
    throw new Error('the statistics secret must be at least 32 characters long');
  }
  return (pin) => createHmac('sha256', secret).update(pin).digest().readUInt32BE(0);
}

/** Adds a record key to a key sum, modulo KEY_SPACE. */
export function addKey(sum: number, key: number): number {
  return (sum + key) % KEY_SPACE;
}

/**
 * The key of a cell from the sum of its records' keys (any sum of sums, as a store's aggregation
 * returns it), as an integer from 0 to KEY_SPACE - 1. Sums stay exact below 2^53, that is up to
 * 2^21 cube cells per aggregated cell.
 */
export function cellKeyOf(keySum: number): number {
  if (!Number.isSafeInteger(keySum) || keySum < 0) {
    throw new RangeError(`a key sum must be a non-negative safe integer; got ${keySum}`);
  }
  return keySum % KEY_SPACE;
}

/**
 * The statistics secret: `JOL_STATS_SECRET`, or the file `JOL_STATS_SECRET_FILE` names. At least
 * 32 characters; a statistics refresh will not run without it.
 */
export function statisticsSecretFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const file = env.JOL_STATS_SECRET_FILE;
  const secret =
    file && existsSync(file) ? readFileSync(file, 'utf8').trim() : env.JOL_STATS_SECRET;
  if (!secret || secret.length < 32) {
    throw new Error(
      'JOL_STATS_SECRET (or JOL_STATS_SECRET_FILE) must hold a secret of at least 32 characters',
    );
  }
  return secret;
}
