import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signingKeysFromEnv } from './config';

const A = 'a-signing-secret-of-at-least-32-chars-aaaa';
const B = 'b-signing-secret:with:colons-of-32-chars-bbbb';

describe('signingKeysFromEnv', () => {
  it('reads the lone secret as the key "default", as before key ids existed', () => {
    expect(signingKeysFromEnv({ JOL_SIGNING_SECRET: A })).toEqual([{ id: 'default', secret: A }]);
  });

  it('reads kid:secret pairs in order, the first signing, secrets holding colons', () => {
    expect(signingKeysFromEnv({ JOL_SIGNING_KEYS: `k2:${B}, k1:${A}` })).toEqual([
      { id: 'k2', secret: B },
      { id: 'k1', secret: A },
    ]);
  });

  it('puts the lone secret after the listed keys: it is still accepted, no longer signs', () => {
    expect(signingKeysFromEnv({ JOL_SIGNING_KEYS: `k2:${B}`, JOL_SIGNING_SECRET: A })).toEqual([
      { id: 'k2', secret: B },
      { id: 'default', secret: A },
    ]);
  });

  it('reads both from the files the _FILE variables name, one pair a line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jol-signing-'));
    writeFileSync(join(dir, 'keys'), `k2:${B}\nk1:${A}\n`);
    writeFileSync(join(dir, 'secret'), `${A}\n`);
    expect(
      signingKeysFromEnv({
        JOL_SIGNING_KEYS_FILE: join(dir, 'keys'),
        JOL_SIGNING_SECRET_FILE: join(dir, 'secret'),
        JOL_SIGNING_SECRET: 'ignored-when-the-file-is-there',
      }).map((key) => key.id),
    ).toEqual(['k2', 'k1', 'default']);
  });

  it.each([
    ['no key at all', {}, 'must hold a signing secret of at least 32 characters'],
    ['an empty list', { JOL_SIGNING_KEYS: ' , ' }, 'must hold a signing secret'],
    ['a pair without a key id', { JOL_SIGNING_KEYS: `:${A}` }, 'entry 1 must be'],
    [
      'a bare secret in the list',
      { JOL_SIGNING_KEYS: `k1:${A},${B.replace(/:/g, '')}` },
      'entry 2',
    ],
    ['a short secret', { JOL_SIGNING_KEYS: 'k1:short' }, 'entry 1 must be'],
    // A bare secret holding colons reads as a pair: its first part must never be printed as an id.
    ['a bare secret holding colons', { JOL_SIGNING_KEYS: `k1:${A}\n${B}` }, 'entry 2 must be'],
    ['a bad key id', { JOL_SIGNING_KEYS: `k/1:${A}` }, 'entry 1 must be'],
    ['a repeated id', { JOL_SIGNING_KEYS: `default:${B}`, JOL_SIGNING_SECRET: A }, 'given twice'],
  ])('refuses %s, printing no secret', (_case, env, message) => {
    let error: Error | undefined;
    try {
      signingKeysFromEnv(env);
    } catch (thrown) {
      error = thrown as Error;
    }
    expect(error?.message).toContain(message);
    expect(error?.message).not.toContain('signing-secret');
  });
});
