import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as kernel from '@jol/schema';
import schemaPackage from '@jol/schema/package.json';
import * as kit from '@jol/testkit/service';

const SCHEMA_SRC = join(__dirname, '..', '..', '..', 'schema', 'src');

/** The kernel's source files its build compiles into `dist` (tests are left out by its tsconfig). */
function productionSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return productionSources(path);
    return /\.tsx?$/.test(entry.name) && !/\.(test|spec)\.ts$/.test(entry.name) ? [path] : [];
  });
}

describe('the service-test kit ships in no production build', () => {
  it('is not exported by the kernel: no helper of the kit is a name of @jol/schema', () => {
    const helpers = Object.keys(kit);
    expect(helpers).toEqual(expect.arrayContaining(['execute', 'useTestSubgraph', 'recordSpans']));
    expect(helpers.filter((name) => name in kernel)).toEqual([]);
  });

  it('has no entry point in the kernel package', () => {
    expect(Object.keys(schemaPackage.exports)).not.toContain('./testing');
    expect(JSON.stringify(schemaPackage)).not.toMatch(/testing/);
  });

  it('leaves no test code in the sources the kernel compiles into dist', () => {
    const withTestCode = productionSources(SCHEMA_SRC)
      .filter((file) =>
        /\b(describe|beforeAll|afterAll|expect)\(|InMemorySpanExporter|@jol\/testkit/.test(
          readFileSync(file, 'utf8'),
        ),
      )
      .map((file) => relative(SCHEMA_SRC, file));
    expect(withTestCode).toEqual([]);
  });
});
