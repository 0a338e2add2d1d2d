import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Guards of "one owner for every access decision": the access module decides and records, rules
 * never rewrite arguments, resolvers never consult rules. Scans the sources of the kernel, the
 * statistics engine, the register and every service, tests and build output aside.
 */
const ROOT = join(__dirname, '..', '..', '..');

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesUnder(path);
    return entry.name.endsWith('.ts') && !/\.(test|spec)\.ts$/.test(entry.name) ? [path] : [];
  });
}

const SERVICES = join(ROOT, 'services');
const SOURCES = [
  ...['schema', 'kernel', 'statistics'].flatMap((pkg) => sourcesUnder(join(ROOT, pkg, 'src'))),
  ...readdirSync(SERVICES).flatMap((service) => sourcesUnder(join(SERVICES, service, 'src'))),
].map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }));

/** The trail's verbs: a call of one of them is a write to the request's access trail. */
const TRAIL_WRITE =
  /\baccess\??\.(served|refused|wrote|revised|searched|searchFound|failedWrites|refusedWrites)\(/;

/** Files that may write the trail: the access module, and the audit closing a request's writes. */
const TRAIL_OWNERS = [/^kernel\/src\/access\//, /^kernel\/src\/audit\/audit-plugin\.ts$/];

describe('one owner for every access decision', () => {
  it('finds the sources it guards', () => {
    expect(SOURCES.filter(({ path }) => path.endsWith('.rules.ts')).length).toBeGreaterThan(10);
    expect(SOURCES.filter(({ path }) => path.endsWith('.resolver.ts')).length).toBeGreaterThan(10);
  });

  it('writes the access trail only in the access module', () => {
    const writers = SOURCES.filter(
      ({ path, text }) => TRAIL_WRITE.test(text) && !TRAIL_OWNERS.some((owner) => owner.test(path)),
    ).map(({ path }) => path);
    expect(writers).toEqual([]);
  });

  it('has no resolver import a rules module', () => {
    const importers = SOURCES.filter(
      ({ path, text }) =>
        path.endsWith('.resolver.ts') && /from\s+'[^']*(\.rules|\/rules)'/.test(text),
    ).map(({ path }) => path);
    expect(importers).toEqual([]);
  });

  it('has no rule assign to its arguments', () => {
    const mutators = SOURCES.filter(
      ({ path, text }) =>
        /(\.rules\.ts|\/rules\.ts)$/.test(path) &&
        (/\bargs(\??\.\w+|\[[^\]]+\])+\s*([-+*/?|&]{0,2})=(?!=)/.test(text) ||
          /Object\.assign\(\s*args\b/.test(text) ||
          /\bdelete\s+args\b/.test(text)),
    ).map(({ path }) => path);
    expect(mutators).toEqual([]);
  });

  it('would see each regression it guards against', () => {
    expect(TRAIL_WRITE.test("context.access.refused('Query.persons');")).toBe(true);
    expect(TRAIL_WRITE.test('access.served(COORDINATE, pin);')).toBe(true);
    expect(TRAIL_WRITE.test('const { access } = context;')).toBe(false);
  });
});
