import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { REPO_ROOT } from '../store/secantus';
import { REGISTRATION_FILES, scaffoldAgency } from './new-agency';

/**
 * The scaffold run on a copy of the files it edits (and of the register it adds the agency to),
 * then the created service type-checked, its service test included, against the repository's
 * kernel and test kit with that register: a new agency compiles at once. That it also passes its
 * own service tests is shown by running the scaffold in a checkout (see the README).
 */

jest.setTimeout(240_000);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

describe('npm run new:agency', () => {
  let root: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'jol-new-agency-'));
    for (const file of REGISTRATION_FILES) cpSync(join(REPO_ROOT, file), join(root, file));
    cpSync(join(REPO_ROOT, 'schema', 'src'), join(root, 'schema', 'src'), { recursive: true });
    // The copy's imports of libraries resolve to the repository's.
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('creates the service and its member file, and registers it in every file it names', () => {
    const report = scaffoldAgency({ root, name: 'tourism', title: 'Ministry of Tourism' });
    expect(report.names).toMatchObject({
      port: 4006,
      role: 'TOURISM_OFFICER',
      purpose: 'TOURISM_SERVICES',
      dataClass: 'tourismRecords',
    });
    expect(report.edited).toEqual([...REGISTRATION_FILES]);
    expect(report.created).toEqual(
      expect.arrayContaining([
        'schema/src/members/tourism.ts',
        'services/tourism/package.json',
        'services/tourism/src/main.ts',
        'services/tourism/src/record/record.rules.ts',
        'services/tourism/src/record/record.service.test.ts',
      ]),
    );
    const text = (file: string) => readFileSync(join(root, file), 'utf8');
    expect(text('schema/src/members/index.ts')).toMatch(
      /const MEMBERS = \[.*, tourism\] as const;/,
    );
    expect(text('jest.config.js')).toContain(
      "'^@jol/(migration|labour|health|pensions|consular|tourism)$'",
    );
    expect(text('docker-compose.yml')).toContain(
      'SUBGRAPH_URL_TOURISM: http://tourism:4006/graphql',
    );
    expect(text('deploy/helm/jol/values.yaml')).toContain('database: jol_tourism');
    expect(text('tools/src/system/in-process.ts')).toContain('  tourism: tourismProgram,\n');
  });

  it('refuses a name that is not one, an agency that exists, and overwrites nothing', () => {
    const before = readFileSync(join(root, 'schema/src/members/index.ts'), 'utf8');
    expect(() => scaffoldAgency({ root, name: 'Tourism-2' })).toThrow(/--name must be/);
    expect(() => scaffoldAgency({ root, name: 'consular' })).toThrow(
      'an agency named consular exists already',
    );
    expect(() => scaffoldAgency({ root, name: 'tourism' })).toThrow(
      'an agency named tourism exists already',
    );
    expect(readFileSync(join(root, 'schema/src/members/index.ts'), 'utf8')).toBe(before);
    // A member file left behind, not registered: refused before anything is written.
    writeFileSync(join(root, 'schema/src/members/ferry.ts'), '// kept\n');
    expect(() => scaffoldAgency({ root, name: 'ferry' })).toThrow(
      'schema/src/members/ferry.ts exists already; the scaffold overwrites nothing',
    );
    expect(readFileSync(join(root, 'schema/src/members/ferry.ts'), 'utf8')).toBe('// kept\n');
    expect(existsSync(join(root, 'services', 'ferry'))).toBe(false);
    expect(readFileSync(join(root, 'schema/src/members/index.ts'), 'utf8')).toBe(before);
  });

  it('creates a service that type-checks, its service test included, with the new register', () => {
    const service = join(root, 'services', 'tourism', 'src');
    expect(existsSync(service)).toBe(true);
    const configFile = ts.readConfigFile(join(REPO_ROOT, 'tsconfig.json'), ts.sys.readFile);
    const { options } = ts.parseJsonConfigFileContent(configFile.config, ts.sys, REPO_ROOT);
    const program = ts.createProgram(
      filesUnder(service).filter((f) => f.endsWith('.ts')),
      {
        ...options,
        noEmit: true,
        composite: false,
        declaration: false,
        baseUrl: REPO_ROOT,
        paths: {
          '@jol/schema': [join(root, 'schema', 'src', 'index.ts')],
          '@jol/schema/package.json': [join(REPO_ROOT, 'schema', 'package.json')],
          '@jol/kernel': [join(REPO_ROOT, 'kernel', 'src', 'index.ts')],
          '@jol/kernel/package.json': [join(REPO_ROOT, 'kernel', 'package.json')],
          '@jol/kernel/*': [join(REPO_ROOT, 'kernel', 'src', '*')],
          '@jol/statistics': [join(REPO_ROOT, 'statistics', 'src', 'index.ts')],
          '@jol/testkit/*': [join(REPO_ROOT, 'test', 'src', '*')],
        },
      },
    );
    const problems = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file?.fileName.startsWith(root))
      .map(
        (d) =>
          `${relative(root, d.file!.fileName)}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
      );
    expect(problems).toEqual([]);
  });
});
