import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GATEWAY_DIR } from '../graphiql/serve';
import { loadSupergraph } from '../supergraph';
import { bundleDashboard, pageConstants } from './bundle';

const SUPERGRAPH = loadSupergraph(join(GATEWAY_DIR, '..', 'schema', 'supergraph.graphql'));
/** Hosts a page might pull code, styles, fonts or map tiles from; the bundle must need none. */
const CDN_HOSTS = [
  'unpkg',
  'jsdelivr',
  'cdnjs',
  'esm.sh',
  'googleapis',
  'gstatic',
  'skypack',
  'jspm',
  'cloudflare',
  'openstreetmap',
  'mapbox',
  'tile.',
];

describe('the dashboard bundle', () => {
  let dir: string;
  let files: Array<{ file: string; bytes: number }>;
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jol-dashboard-bundle-'));
    files = await bundleDashboard(dir, SUPERGRAPH);
  }, 60_000);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds the page, its script and its styles, loaded by relative URL', () => {
    expect(files.map((f) => f.file)).toEqual(
      expect.arrayContaining(['index.html', 'app.js', 'app.css']),
    );
    const references = [...read('index.html').matchAll(/\b(?:src|href)="([^"]*)"/g)].map(
      (m) => m[1],
    );
    expect(references).toEqual(['data:,', 'dashboard/app.css', 'dashboard/app.js']);
  });

  it('names no CDN or tile server anywhere, and no absolute URL in the page or styles', () => {
    for (const { file } of files.filter((f) => /\.(html|css|js)$/.test(f.file))) {
      const text = read(file).toLowerCase();
      expect(
        CDN_HOSTS.filter((host) => text.includes(host)).map((host) => `${file}: ${host}`),
      ).toEqual([]);
    }
    for (const file of ['index.html', 'app.css']) expect(read(file)).not.toMatch(/https?:\/\//);
  });

  it('carries the nine regions’ map and only the ECharts parts it uses', () => {
    const script = read('app.js');
    for (const code of ['KG-B', 'KG-C', 'KG-J', 'KG-N', 'KG-O', 'KG-T', 'KG-Y', 'KG-GB', 'KG-GO']) {
      expect(script).toContain(`"${code}"`);
    }
    // Tree-shaken, on Preact: the full ECharts build alone is over 1 MB minified.
    const scriptKb = files.find((f) => f.file === 'app.js')!.bytes / 1024;
    expect(scriptKb).toBeLessThan(800);
  });

  it('is told the measures, the purposes and the noise at build time', () => {
    const constants = pageConstants(SUPERGRAPH);
    expect(constants.JOL_MEASURES.map((m) => m.name)).toContain('personsAbroad');
    expect(constants.JOL_PURPOSES.find((p) => p.purpose === 'STATISTICS')?.roles).toEqual([
      'ANALYST',
    ]);
    expect(constants.JOL_NOISE).toMatchObject({ maxNoise: 2, variance: 1.2 });
  });
});
