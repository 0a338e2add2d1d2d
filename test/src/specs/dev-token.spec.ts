import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@jol/tools';

/** Every file under `dir` with its modification time, to see whether anything was rewritten. */
function snapshot(dir: string): Record<string, number> {
  const files: Record<string, number> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files[path] = statSync(path).mtimeMs;
    }
  return files;
}

/**
 * `npm run token` prints a token from the built tool and rebuilds nothing: a running gateway keeps
 * serving its GraphiQL assets while tokens are made (a rebuild rewrote them in place).
 */
describe('npm run token', () => {
  it('prints a signed token without touching any built file', () => {
    const before = { gateway: snapshot(join(REPO_ROOT, 'gateway', 'dist')) };
    const token = execFileSync('npm', ['run', '-s', 'token', '--', '--role', 'ANALYST'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    }).trim();
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect({ gateway: snapshot(join(REPO_ROOT, 'gateway', 'dist')) }).toEqual(before);
  });
});
