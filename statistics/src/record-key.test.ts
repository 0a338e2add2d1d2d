import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  addKey,
  cellKeyOf,
  createRecordKeys,
  KEY_SPACE,
  statisticsSecretFromEnv,
} from './record-key';

const SECRET = 'jol synthetic data: statistics secret, not for use';

describe('record keys', () => {
  it('are the first 4 bytes of HMAC-SHA256(secret, PIN), big-endian', () => {
    // openssl dgst -sha256 -hmac "$SECRET" <<< -n 21001199000123: 0e1f3bc2...
    const keys = createRecordKeys(SECRET);
    expect(keys('21001199000123')).toBe(0x0e1f3bc2);
    expect(keys('10203199512345')).toBe(0x7d2e9656);
  });

  it('change with the secret, so that nobody without it can compute them', () => {
    const other = createRecordKeys(`${SECRET}, rotated`);
    expect(other('21001199000123')).not.toBe(0x0e1f3bc2);
  });

  it('refuse a short secret', () => {
    expect(() => createRecordKeys('too short')).toThrow(/at least 32 characters/);
  });

  it('add up modulo 2^32, exactly, in any order', () => {
    expect(KEY_SPACE).toBe(4_294_967_296);
    expect(addKey(4_000_000_000, 500_000_000)).toBe(205_032_704);
    expect(addKey(addKey(0, 4_000_000_000), 500_000_000)).toBe(
      addKey(addKey(0, 500_000_000), 4_000_000_000),
    );
    // A store's sum of cube cells' sums, reduced once.
    expect(cellKeyOf(4_000_000_000 + 500_000_000 + 4_294_967_295)).toBe(205_032_703);
    expect(() => cellKeyOf(2 ** 53)).toThrow(/safe integer/);
    expect(() => cellKeyOf(-1)).toThrow(/non-negative/);
  });
});

describe('statisticsSecretFromEnv', () => {
  it('reads JOL_STATS_SECRET, or the file JOL_STATS_SECRET_FILE names', () => {
    expect(statisticsSecretFromEnv({ JOL_STATS_SECRET: SECRET })).toBe(SECRET);
    const file = join(mkdtempSync(join(tmpdir(), 'jol-stats-')), 'secret');
    writeFileSync(file, `${SECRET}\n`);
    expect(statisticsSecretFromEnv({ JOL_STATS_SECRET_FILE: file })).toBe(SECRET);
  });

  it('refuses to run without a secret of 32 characters', () => {
    expect(() => statisticsSecretFromEnv({})).toThrow(/JOL_STATS_SECRET/);
    expect(() => statisticsSecretFromEnv({ JOL_STATS_SECRET: 'short' })).toThrow(/32 characters/);
  });
});
