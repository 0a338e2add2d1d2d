import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { memberFile, namesOf, serviceFiles, type AgencyNames } from './templates';

/**
 * `npm run new:agency -- --name <agency>`: a working subgraph for a new member agency, and its
 * registration everywhere the system is composed and started. Files are created, never
 * overwritten; each edit of an existing file is an insertion at a line the file is known to hold,
 * and fails naming the file when the line is gone, rather than guessing.
 */

export interface NewAgencyOptions {
  /** The repository root. */
  root: string;
  /** The subgraph's name: 3 to 20 lower-case letters and digits, starting with a letter. */
  name: string;
  /** The agency's full title. @default `Agency <name>` */
  title?: string;
  /** The subgraph's local port. @default one above the highest port of the register */
  port?: number;
}

export interface NewAgencyReport {
  names: AgencyNames;
  /** Files created, relative to the root. */
  created: string[];
  /** Existing files edited, relative to the root. */
  edited: string[];
}

/** Existing files the scaffold edits to register the agency, relative to the root. */
export const REGISTRATION_FILES = [
  'schema/src/members/index.ts',
  'tsconfig.json',
  'jest.config.js',
  'docker-compose.yml',
  'deploy/helm/jol/values.yaml',
  'Dockerfile',
  'tools/package.json',
  'tools/tsconfig.json',
  'tools/src/system/in-process.ts',
] as const;

const NAME = /^[a-z][a-z0-9]{2,19}$/;

export function scaffoldAgency(options: NewAgencyOptions): NewAgencyReport {
  const { root, name } = options;
  if (!NAME.test(name))
    throw new Error(
      `--name must be 3 to 20 lower-case letters and digits, starting with a letter; got ${JSON.stringify(name)}`,
    );
  const read = (path: string) => readFileSync(join(root, path), 'utf8');
  const members = read('schema/src/members/index.ts');
  if (
    new RegExp(`import \\* as ${name} from`).test(members) ||
    existsSync(join(root, 'services', name))
  )
    throw new Error(`an agency named ${name} exists already`);
  const port = options.port ?? highestPort(root) + 1;
  const n = namesOf(name, options.title ?? `Agency ${name}`, port);
  const report: NewAgencyReport = { names: n, created: [], edited: [] };

  const files: [string, string][] = [
    ...Object.entries(serviceFiles(n)).map(([path, text]): [string, string] => [
      `services/${name}/${path}`,
      text,
    ]),
    [`schema/src/members/${name}.ts`, memberFile(n)],
  ];
  // Checked before anything is written, so that a refusal leaves the tree as it was.
  const taken = files.find(([path]) => existsSync(join(root, path)));
  if (taken) throw new Error(`${taken[0]} exists already; the scaffold overwrites nothing`);
  for (const [path, text] of files) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
    report.created.push(path);
  }

  const edit = (path: string, change: (text: string) => string) => {
    const before = read(path);
    writeFileSync(join(root, path), change(before));
    report.edited.push(path);
  };
  const insert = (
    path: string,
    text: string,
    anchor: RegExp,
    where: 'before' | 'after',
    addition: string,
  ) => {
    const match = anchor.exec(text);
    if (!match)
      throw new Error(`${path} no longer holds ${anchor}: register ${name} there by hand`);
    const at = where === 'before' ? match.index : match.index + match[0].length;
    return text.slice(0, at) + addition + text.slice(at);
  };
  const at = (path: string, anchor: RegExp, where: 'before' | 'after', addition: string) =>
    edit(path, (text) => insert(path, text, anchor, where, addition));

  // The register: the member's file is listed last, so its subgraph comes last everywhere.
  edit('schema/src/members/index.ts', (text) => {
    const withImport = insert(
      'schema/src/members/index.ts',
      text,
      /^import \* as federation from '\.\/federation';\n/m,
      'before',
      `import * as ${name} from './${name}';\n`,
    );
    return withImport.replace(/^(const MEMBERS = \[[^\]]*)\] as const;/m, `$1, ${name}] as const;`);
  });
  at(
    'tsconfig.json',
    /\n(\s*)\{ "path": "gateway" \}/,
    'before',
    `\n    { "path": "services/${name}" },`,
  );
  edit('jest.config.js', (text) => {
    // A function, since `$'` in a replacement string means the text after the match.
    const next = text.replace(
      /'\^@jol\/\(migration\|([a-z0-9|]+)\)\$'/,
      (_all, others: string) => `'^@jol/(migration|${others}|${name})$'`,
    );
    if (next === text)
      throw new Error(`jest.config.js no longer maps the services: map @jol/${name} by hand`);
    return next;
  });
  edit('docker-compose.yml', (text) => {
    let next = insert('docker-compose.yml', text, /^ {2}gateway:\n/m, 'before', composeService(n));
    next = insert(
      'docker-compose.yml',
      next,
      /^ {6}SUBGRAPH_URL_MIGRATION: .*\n/m,
      'after',
      `      SUBGRAPH_URL_${n.upper}: http://${name}:${port}/graphql\n`,
    );
    return insert(
      'docker-compose.yml',
      next,
      /^ {4}depends_on:\n {6}migration:\n {8}condition: service_healthy\n/m,
      'after',
      `      ${name}:\n        condition: service_healthy\n`,
    );
  });
  at('deploy/helm/jol/values.yaml', /^# The production jobs/m, 'before', chartValues(n));
  at(
    'Dockerfile',
    /^COPY services\/migration\/package\.json services\/migration\/\n/m,
    'after',
    `COPY services/${name}/package.json services/${name}/\n`,
  );
  at('tools/package.json', /^ {4}"@jol\/gateway": /m, 'before', `    "@jol/${name}": "0.1.0",\n`);
  at(
    'tools/tsconfig.json',
    /^ {4}\{ "path": "\.\.\/gateway" \}/m,
    'before',
    `    { "path": "../services/${name}" },\n`,
  );
  edit('tools/src/system/in-process.ts', (text) => {
    const next = insert(
      'tools/src/system/in-process.ts',
      text,
      /^import \{ migrationProgram \} from '@jol\/migration';\n/m,
      'after',
      `import { ${name}Program } from '@jol/${name}';\n`,
    );
    return insert(
      'tools/src/system/in-process.ts',
      next,
      /^\} as const;\n/m,
      'before',
      `  ${name}: ${name}Program,\n`,
    );
  });
  return report;
}

/**
 * Formats the created files with the project's Prettier settings: line breaks depend on how long
 * the agency's names are, so the templates cannot hold them.
 */
export async function formatCreated(root: string, files: readonly string[]): Promise<void> {
  const prettier = await import('prettier');
  for (const file of files) {
    const path = join(root, file);
    const config = (await prettier.resolveConfig(path)) ?? {};
    writeFileSync(
      path,
      await prettier.format(readFileSync(path, 'utf8'), { ...config, filepath: path }),
    );
  }
}

/** The highest port the register's members declare. */
function highestPort(root: string): number {
  const dir = join(root, 'schema', 'src', 'members');
  const members = readFileSync(join(dir, 'index.ts'), 'utf8');
  const names = [...members.matchAll(/^import \* as (\w+) from '\.\/(\w+)';$/gm)].map((m) => m[2]!);
  const ports = names.flatMap((file) => {
    const match = /^\s*port: (\d+),$/m.exec(readFileSync(join(dir, `${file}.ts`), 'utf8'));
    return match ? [Number(match[1])] : [];
  });
  if (ports.length === 0) throw new Error('no member of the register declares a port');
  return Math.max(...ports);
}

function composeService(n: AgencyNames): string {
  return `  ${n.name}:
    <<: *node-service
    secrets: [jol_signing_keys, jol_service_key]
    build:
      context: .
      dockerfile: Dockerfile
      args: { PACKAGE_DIR: services/${n.name}, PORT: '${n.port}' }
    environment:
      <<: *subgraph-environment
      MONGODB_DB: jol_${n.name}
      PORT: '${n.port}'
    depends_on: *subgraph-depends-on
    healthcheck:
      <<: *healthcheck-timing
      test:
        - CMD
        - node
        - -e
        - "fetch('http://127.0.0.1:${n.port}/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"

`;
}

function chartValues(n: AgencyNames): string {
  return `  ${n.name}:
    image:
      repository: jol-${n.name}
    port: ${n.port}
    database: jol_${n.name}
    mongodbSecret: { name: jol-mongodb-${n.name}, key: uri }
    usesSubjectDirectory: true
    replicas: 2
    resources:
      requests: { cpu: 200m, memory: 256Mi }
      limits: { cpu: '1', memory: 768Mi }
    pdb:
      minAvailable: 1
    env: {}
    # No indicators yet: no stats-refresh job until the agency's cube is built and listed in jobs.
    statistics: false

`;
}
