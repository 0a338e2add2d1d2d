import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';
import { PURPOSES, ROLE_POLICY, type Role } from '@jol/schema';
import { isServiceRole } from '@jol/kernel';
import { GATEWAY_DIR, GRAPHIQL_PUBLIC_DIR } from './serve';

/** Monaco's language-service workers, bundled from the packages graphiql itself depends on. */
const WORKER_ENTRIES = [
  { in: 'monaco-editor/esm/vs/editor/editor.worker.js', out: 'workers/editor.worker' },
  { in: 'monaco-editor/esm/vs/language/json/json.worker.js', out: 'workers/json.worker' },
  { in: 'monaco-graphql/esm/graphql.worker.js', out: 'workers/graphql.worker' },
];

/**
 * The page loads its styles and script relative to its own URL (`/graphiql`), so it works behind
 * any path prefix and never names a host. Script and styles are named by their content's hash.
 */
const indexHtml = (css: string, js: string) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="no-referrer" />
    <title>Jol GraphiQL</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="graphiql/${css}" />
    <script type="module" src="graphiql/${js}"></script>
  </head>
  <body>
    <div id="root"></div>
    <noscript>GraphiQL needs JavaScript.</noscript>
  </body>
</html>
`;

/**
 * @graphiql/toolkit imports graphql-ws lazily, for subscriptions only; the gateway serves none,
 * so the import resolves to a module that says so instead of a package that is not installed.
 */
const noSubscriptions: Plugin = {
  name: 'jol-no-subscriptions',
  setup(builder) {
    builder.onResolve({ filter: /^graphql-ws$/ }, () => ({
      path: 'graphql-ws',
      namespace: 'jol-stub',
    }));
    builder.onLoad({ filter: /.*/, namespace: 'jol-stub' }, () => ({
      contents:
        "export function createClient() { throw new Error('The Jol gateway serves no subscriptions'); }",
      loader: 'js',
    }));
  },
};

/**
 * Each purpose with the roles that may declare it, for the page's purpose picker; the services'
 * own roles and purposes are nobody's to pick.
 */
function purposeChoices() {
  const roles = (Object.keys(ROLE_POLICY) as Role[]).filter((role) => !isServiceRole(role));
  return PURPOSES.map((purpose) => ({
    purpose,
    roles: roles.filter((role) => ROLE_POLICY[role].purposes.includes(purpose)),
  })).filter((choice) => choice.roles.length > 0);
}

/** Length of the content hash in file names (hex digits of SHA-256). */
export const CONTENT_HASH_LENGTH = 12;

/** `name.ext` as `name-<hash of content>.ext`: a new name whenever the content changes. */
export function contentHashedName(file: string, content: Buffer | string): string {
  const hash = createHash('sha256').update(content).digest('hex').slice(0, CONTENT_HASH_LENGTH);
  const ext = extname(file);
  return join(dirname(file), `${basename(file, ext)}-${hash}${ext}`);
}

/** Renames `dir/file` after its content's hash; returns the new name, relative to `dir`. */
function renameByContent(dir: string, file: string): string {
  const hashed = contentHashedName(file, readFileSync(join(dir, file)));
  renameSync(join(dir, file), join(dir, hashed));
  return hashed;
}

/** Files worth compressing: text. Fonts and images are compressed formats already. */
const COMPRESSIBLE = /\.(html|js|css|txt|json|svg|map)$/;

/**
 * Writes `<file>.br` (brotli, best) and `<file>.gz` (gzip, best) beside every text file, so the
 * gateway serves them without compressing at request time.
 */
export function precompress(dir: string): void {
  for (const file of listFiles(dir).filter((name) => COMPRESSIBLE.test(name))) {
    const content = readFileSync(file);
    writeFileSync(
      `${file}.br`,
      brotliCompressSync(content, {
        params: {
          [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
          [zlib.BROTLI_PARAM_SIZE_HINT]: content.length,
        },
      }),
    );
    writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
  }
}

/**
 * Bundles the GraphiQL page (React, graphiql, Monaco and its workers, all CSS and fonts) from
 * node_modules into `outDir`, replacing what was there, every file but the page named by its
 * content's hash and precompressed. Returns the files written, relative to it.
 */
export async function bundleGraphiql(outDir: string = GRAPHIQL_PUBLIC_DIR): Promise<string[]> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const common = {
    absWorkingDir: GATEWAY_DIR,
    bundle: true,
    minify: true,
    platform: 'browser',
    target: 'es2022',
    outdir: outDir,
    logLevel: 'warning',
    legalComments: 'linked',
    define: { 'process.env.NODE_ENV': '"production"' },
  } as const;
  // Workers first: the page names them by their hashed names.
  await build({ ...common, entryPoints: WORKER_ENTRIES, format: 'iife' });
  const workers = Object.fromEntries(
    WORKER_ENTRIES.map(({ out }) => {
      const label = basename(out).replace(/\.worker$/, '');
      return [label, basename(renameByContent(outDir, `${out}.js`))];
    }),
  );
  await build({
    ...common,
    entryPoints: [{ in: join(GATEWAY_DIR, 'src', 'graphiql', 'page.tsx'), out: 'app' }],
    format: 'esm',
    jsx: 'automatic',
    loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file' },
    assetNames: 'assets/[name]-[hash]',
    define: {
      ...common.define,
      JOL_PURPOSES: JSON.stringify(purposeChoices()),
      JOL_WORKERS: JSON.stringify(workers),
    },
    plugins: [noSubscriptions],
  });
  const css = renameByContent(outDir, 'app.css');
  const js = renameByContent(outDir, 'app.js');
  writeFileSync(join(outDir, 'index.html'), indexHtml(css, js));
  precompress(outDir);
  return listFiles(outDir).map((file) => relative(outDir, file));
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}
