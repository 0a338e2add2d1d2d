import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as kernel from '@jol/kernel';
import kernelPackage from '@jol/kernel/package.json';
import * as schema from '@jol/schema';
import schemaPackage from '@jol/schema/package.json';
import * as statistics from '@jol/statistics';
import statisticsPackage from '@jol/statistics/package.json';
import * as kit from '@jol/testkit/service';

const ROOT = join(__dirname, '..', '..', '..');
/** The packages production builds: the runtime, the statistics engine, the graph's contract. */
const SHARED = ['kernel', 'statistics', 'schema'];

/** The kernel's source files its build compiles into `dist` (tests are left out by its tsconfig). */
function productionSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return productionSources(path);
    return /\.tsx?$/.test(entry.name) && !/\.(test|spec)\.ts$/.test(entry.name) ? [path] : [];
  });
}

describe('the service-test kit ships in no production build', () => {
  it('is not exported by the kernel: no helper of the kit is a name of @jol/kernel, @jol/statistics or @jol/schema', () => {
    const helpers = Object.keys(kit);
    expect(helpers).toEqual(expect.arrayContaining(['execute', 'useTestSubgraph', 'recordSpans']));
    expect(
      helpers.filter((name) => name in kernel || name in statistics || name in schema),
    ).toEqual([]);
  });

  it('has no entry point in the kernel packages', () => {
    for (const pkg of [kernelPackage, statisticsPackage, schemaPackage]) {
      expect(Object.keys((pkg as { exports?: object }).exports ?? {})).not.toContain('./testing');
      expect(JSON.stringify(pkg)).not.toMatch(/testing/);
    }
  });

  it('leaves no test code in the sources the kernel compiles into dist', () => {
    const withTestCode = SHARED.flatMap((pkg) => productionSources(join(ROOT, pkg, 'src')))
      .filter((file) =>
        /\b(describe|beforeAll|afterAll|expect)\(|InMemorySpanExporter|@jol\/testkit/.test(
          readFileSync(file, 'utf8'),
        ),
      )
      .map((file) => relative(ROOT, file));
    expect(withTestCode).toEqual([]);
  });
});
