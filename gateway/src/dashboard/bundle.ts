import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { PURPOSES, ROLE_POLICY, type Role } from '@jol/schema';
import { DEFAULT_PTABLE, describePerturbation, maxNoiseOf, noiseMoments } from '@jol/statistics';
import { GATEWAY_DIR } from '../graphiql/serve';
import { loadSupergraph } from '../supergraph';
import { measuresOfSupergraph } from './measures';
import { DASHBOARD_PUBLIC_DIR } from './serve';

/** The page loads its styles and script relative to its own URL (`/dashboard`), like GraphiQL. */
const INDEX_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="no-referrer" />
    <title>Jol indicators dashboard</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="dashboard/app.css" />
    <script type="module" src="dashboard/app.js"></script>
  </head>
  <body>
    <div id="root"></div>
    <noscript>The dashboard needs JavaScript; the same figures are at indicators.csv.</noscript>
  </body>
</html>
`;

/** What the page is told at build time: the graph's measures, the purposes, the noise. */
export function pageConstants(supergraphSdl: string = loadSupergraph()) {
  const roles = Object.keys(ROLE_POLICY) as Role[];
  const large = DEFAULT_PTABLE.rows.length - 1;
  return {
    JOL_MEASURES: measuresOfSupergraph(supergraphSdl),
    JOL_PURPOSES: PURPOSES.map((purpose) => ({
      purpose,
      roles: roles.filter((role) => ROLE_POLICY[role].purposes.includes(purpose)),
    })),
    JOL_NOISE: {
      maxNoise: maxNoiseOf(DEFAULT_PTABLE),
      variance: noiseMoments(DEFAULT_PTABLE, large).variance,
      text: describePerturbation(DEFAULT_PTABLE),
    },
  };
}

/**
 * Bundles the dashboard (Preact, the parts of ECharts it uses, the regions' boundaries and its
 * CSS) from node_modules into `outDir`, replacing what was there. Returns the files written,
 * relative to it, with their sizes in bytes.
 */
export async function bundleDashboard(
  outDir: string = DASHBOARD_PUBLIC_DIR,
  supergraphSdl: string = loadSupergraph(),
): Promise<Array<{ file: string; bytes: number }>> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const constants = Object.fromEntries(
    Object.entries(pageConstants(supergraphSdl)).map(([name, value]) => [
      name,
      JSON.stringify(value),
    ]),
  );
  await build({
    absWorkingDir: GATEWAY_DIR,
    entryPoints: [{ in: join(GATEWAY_DIR, 'src', 'dashboard', 'app', 'page.tsx'), out: 'app' }],
    bundle: true,
    minify: true,
    platform: 'browser',
    target: 'es2022',
    format: 'esm',
    jsx: 'automatic',
    outdir: outDir,
    logLevel: 'warning',
    legalComments: 'linked',
    define: { 'process.env.NODE_ENV': '"production"', ...constants },
    // The page is written against React's API and runs on Preact's compatible one, a tenth of
    // react-dom's size; the browser spec checks it in Chromium.
    alias: {
      react: 'preact/compat',
      'react-dom': 'preact/compat',
      'react-dom/client': 'preact/compat/client',
      'react/jsx-runtime': 'preact/jsx-runtime',
    },
  });
  writeFileSync(join(outDir, 'index.html'), INDEX_HTML);
  return listFiles(outDir).map((path) => ({
    file: relative(outDir, path),
    bytes: statSync(path).size,
  }));
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}
