import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleGraphiql } from './bundle';

/** Hosts a page might pull code, styles or fonts from; the bundle must need none of them. */
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
  'apollographql',
];

describe('the GraphiQL bundle', () => {
  let dir: string;
  let files: string[];
  const read = (file: string) => readFileSync(join(dir, file), 'utf8');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jol-graphiql-bundle-'));
    files = await bundleGraphiql(dir);
  }, 60_000);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds the page, its script and styles, and Monaco workers', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'index.html',
        'app.js',
        'app.css',
        'workers/editor.worker.js',
        'workers/json.worker.js',
        'workers/graphql.worker.js',
      ]),
    );
  });

  it('references only files of the bundle, by relative URL', () => {
    const html = read('index.html');
    const references = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((match) => match[1]!);
    expect(references).toEqual(['data:,', 'graphiql/app.css', 'graphiql/app.js']);
    for (const reference of references.filter((ref) => !ref.startsWith('data:'))) {
      expect(files).toContain(reference.replace(/^graphiql\//, ''));
    }
    for (const match of read('app.css').matchAll(/url\(([^)]*)\)/g)) {
      const url = match[1]!.replace(/^["']|["']$/g, '');
      if (url.startsWith('data:')) continue;
      expect(files).toContain(url.replace(/^\.\//, ''));
    }
  });

  it('names no absolute URL in the page or its styles', () => {
    for (const file of ['index.html', 'app.css']) {
      expect(read(file)).not.toMatch(/https?:\/\//);
      expect(read(file)).not.toMatch(/["'(]\/\//);
    }
  });

  it('names no CDN anywhere, script and workers included', () => {
    for (const file of files.filter((name) => /\.(html|css|js)$/.test(name))) {
      const text = read(file).toLowerCase();
      expect(
        CDN_HOSTS.filter((host) => text.includes(host)).map((host) => `${file}: ${host}`),
      ).toEqual([]);
    }
  });
});
