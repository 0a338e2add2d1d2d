import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { isServiceRole, PURPOSES, ROLE_POLICY, type Role } from '@jol/schema';
import { GATEWAY_DIR, GRAPHIQL_PUBLIC_DIR } from './serve';

/** Monaco's language-service workers, bundled from the packages graphiql itself depends on. */
const WORKER_ENTRIES = [
  { in: 'monaco-editor/esm/vs/editor/editor.worker.js', out: 'workers/editor.worker' },
  { in: 'monaco-editor/esm/vs/language/json/json.worker.js', out: 'workers/json.worker' },
  { in: 'monaco-graphql/esm/graphql.worker.js', out: 'workers/graphql.worker' },
];

/**
 * The page loads its styles and script relative to its own URL (`/graphiql`), so it works behind
 * any path prefix and never names a host.
 */
const INDEX_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="no-referrer" />
    <title>Jol GraphiQL</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="graphiql/app.css" />
    <script type="module" src="graphiql/app.js"></script>
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

/**
 * Bundles the GraphiQL page (React, graphiql, Monaco and its workers, all CSS and fonts) from
 * node_modules into `outDir`, replacing what was there. Returns the files written, relative to it.
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
  await build({
    ...common,
    entryPoints: [{ in: join(GATEWAY_DIR, 'src', 'graphiql', 'page.tsx'), out: 'app' }],
    format: 'esm',
    jsx: 'automatic',
    loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file' },
    assetNames: 'assets/[name]-[hash]',
    define: { ...common.define, JOL_PURPOSES: JSON.stringify(purposeChoices()) },
    plugins: [noSubscriptions],
  });
  await build({ ...common, entryPoints: WORKER_ENTRIES, format: 'iife' });
  writeFileSync(join(outDir, 'index.html'), INDEX_HTML);
  return listFiles(outDir).map((file) => relative(outDir, file));
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}
