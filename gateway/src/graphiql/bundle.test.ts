import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { bundleGraphiql, contentHashedName } from './bundle';

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

  const named = (pattern: RegExp) => files.filter((file) => pattern.test(file));
  const sha = (file: string) =>
    createHash('sha256')
      .update(readFileSync(join(dir, file)))
      .digest('hex')
      .slice(0, 12);

  it('holds the page, its script and styles, and Monaco workers, named by their content', () => {
    expect(files).toContain('index.html');
    const hashed = [
      ...named(/^app-[0-9a-f]{12}\.(js|css)$/),
      ...named(/^workers\/(editor|json|graphql)\.worker-[0-9a-f]{12}\.js$/),
    ];
    expect(hashed).toHaveLength(5);
    for (const file of hashed) expect(file).toContain(`-${sha(file)}.`);
  });

  it('precompresses every text file with brotli and gzip, to the same bytes', () => {
    for (const file of named(/\.(html|js|css)$/)) {
      const original = readFileSync(join(dir, file));
      expect(brotliDecompressSync(readFileSync(join(dir, `${file}.br`)))).toEqual(original);
      expect(gunzipSync(readFileSync(join(dir, `${file}.gz`)))).toEqual(original);
    }
    const script = named(/^app-[0-9a-f]{12}\.js$/)[0]!;
    expect(readFileSync(join(dir, `${script}.br`)).length).toBeLessThan(
      readFileSync(join(dir, script)).length / 3,
    );
  });

  it('references only files of the bundle, by relative URL', () => {
    const html = read('index.html');
    const references = [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((match) => match[1]!);
    expect(references).toEqual([
      'data:,',
      `graphiql/${named(/^app-[0-9a-f]{12}\.css$/)[0]}`,
      `graphiql/${named(/^app-[0-9a-f]{12}\.js$/)[0]}`,
    ]);
    for (const reference of references.filter((ref) => !ref.startsWith('data:'))) {
      expect(files).toContain(reference.replace(/^graphiql\//, ''));
    }
    const script = read(named(/^app-[0-9a-f]{12}\.js$/)[0]!);
    for (const worker of named(/^workers\/.*\.js$/))
      expect(script).toContain(worker.replace(/^workers\//, ''));
    for (const match of read(named(/^app-[0-9a-f]{12}\.css$/)[0]!).matchAll(/url\(([^)]*)\)/g)) {
      const url = match[1]!.replace(/^["']|["']$/g, '');
      if (url.startsWith('data:')) continue;
      expect(files).toContain(url.replace(/^\.\//, ''));
    }
  });

  it('names no absolute URL in the page or its styles', () => {
    for (const file of ['index.html', named(/^app-[0-9a-f]{12}\.css$/)[0]!]) {
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

describe('contentHashedName', () => {
  it('names a file after its content: a new name when the content changes, the same otherwise', () => {
    const hashOf = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);
    expect(contentHashedName('app.js', 'one')).toBe(`app-${hashOf('one')}.js`);
    expect(contentHashedName('workers/json.worker.js', 'one')).toBe(
      `workers/json.worker-${hashOf('one')}.js`,
    );
    expect(contentHashedName('app.js', 'two')).not.toBe(contentHashedName('app.js', 'one'));
  });
});
