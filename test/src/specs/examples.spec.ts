import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE_OPERATIONS, SAMPLE_PIN, requestBodyFor } from '@jol/gateway';
import { ROLE_POLICY, type Role } from '@jol/schema';
import { isRole } from '@jol/kernel';
import { REPO_ROOT } from '@jol/tools';
import { startTestSystem, type TestSystem } from '../system/test-system';

/**
 * Every example a newcomer copies works as written: each marked block of the README and each
 * GraphiQL example runs against a system seeded as `npm start` seeds it (seed 1; the first 60 of
 * its 5,000 persons, which hold every PIN the examples name), with the role it names. The
 * README marks each block (see "Example queries" there); a block of a runnable kind without a
 * marker fails too, so no example escapes.
 */

const README = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
const SEEDED_PERSONS = 60;

interface Block {
  line: number;
  lang: string;
  body: string;
  marker: string | null;
}

/** Fenced blocks with the `<!-- example: ... -->` marker just above them, if any. */
function readmeBlocks(): Block[] {
  const blocks: Block[] = [];
  const fence = /^```(\w*)\n([\s\S]*?)^```$/gm;
  for (let match = fence.exec(README); match; match = fence.exec(README)) {
    const before = README.slice(0, match.index).trimEnd();
    const marker = /<!-- example: (.*?) -->$/.exec(before)?.[1] ?? null;
    blocks.push({
      line: README.slice(0, match.index).split('\n').length,
      lang: match[1]!,
      body: match[2]!,
      marker,
    });
  }
  return blocks;
}

/** Blocks a reader would run or paste: GraphQL, JSON, HTTP, and shell that calls curl. */
const isRunnableKind = (block: Block) =>
  ['graphql', 'json', 'http'].includes(block.lang) ||
  (block.lang === 'sh' && block.body.includes('curl'));

const BLOCKS = readmeBlocks().filter((block) => isRunnableKind(block) || block.marker !== null);

/** A `curl` example: the token it asks for, the URL, the headers and the body it sends. */
function parseCurl(body: string) {
  const tokenArgs = /npm run -s token -- (.*?)\)/.exec(body)?.[1] ?? '';
  const arg = (name: string) => new RegExp(`--${name} (\\S+)`).exec(tokenArgs)?.[1];
  const role = arg('role');
  if (!role || !isRole(role)) throw new Error(`no --role in ${tokenArgs}`);
  const claims: Record<string, string> = {};
  for (const name of ['pin', 'region', 'partner']) {
    const value = arg(name);
    if (value) claims[name] = value;
  }
  const command = body.slice(body.indexOf('curl'));
  const url = /'?(http:\/\/127\.0\.0\.1:4000\/[^'\s]*)'?/.exec(command)?.[1];
  const headers = [...command.matchAll(/-H ['"]([^'"]+)['"]/g)].map((m) => m[1]!);
  const data = /-d '([\s\S]*?)'\s*$/m.exec(command)?.[1];
  if (!url) throw new Error('no URL in the curl command');
  return { role, claims, url, headers, data };
}

/** A GraphQL block: the document, and the variables of its trailing `# { ... }` comment. */
function parseGraphQLBlock(body: string) {
  const lines = body.trimEnd().split('\n');
  const last = lines.at(-1)!;
  if (last.startsWith('# {'))
    return {
      query: lines.slice(0, -1).join('\n'),
      variables: JSON.parse(last.slice(2)) as Record<string, unknown>,
    };
  return { query: body, variables: {} };
}

/** Problems of a GraphQL answer: not 200, errors, or a top-level field answered null. */
function problemsOf(
  status: number,
  body: { data?: Record<string, unknown> | null; errors?: unknown[] },
) {
  const problems: string[] = [];
  if (status !== 200) problems.push(`HTTP ${status}`);
  if (body.errors?.length) problems.push(`errors: ${JSON.stringify(body.errors).slice(0, 400)}`);
  if (!body.data) problems.push('no data');
  else
    for (const [field, value] of Object.entries(body.data))
      if (value === null) problems.push(`${field} is null`);
  return problems;
}

describe('every example works as written', () => {
  let jol: TestSystem;

  beforeAll(async () => {
    jol = await startTestSystem('examples', { seedPersons: SEEDED_PERSONS, seed: 1 });
  }, 300_000);
  afterAll(async () => {
    await jol?.stop();
  });

  const post = (url: string, body: unknown, headers: Record<string, string>) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('marks every README block a reader could run', () => {
    const unmarked = BLOCKS.filter((block) => block.marker === null).map(
      (block) => `README.md:${block.line} (${block.lang})`,
    );
    expect(unmarked).toEqual([]);
  });

  it.each(
    BLOCKS.filter((block) => block.marker !== null).map(
      (block) => [`README.md:${block.line} ${block.lang}, ${block.marker}`, block] as const,
    ),
  )('%s', async (_name, block) => {
    const [kind, ...rest] = block.marker!.split(' ');
    if (kind === 'none:') {
      expect(rest.join(' ').length).toBeGreaterThan(0); // a reason is given
      return;
    }
    if (kind === 'response') {
      const parsed = JSON.parse(block.body) as { errors: { extensions: { code: string } }[] };
      expect(parsed.errors[0]!.extensions.code).toMatch(/^[A-Z_]+$/);
      return;
    }
    expect(kind).toBe('run');
    if (block.lang === 'sh') {
      const curl = parseCurl(block.body);
      const token = await jol.token(curl.role, curl.claims);
      const headers: Record<string, string> = {};
      for (const header of curl.headers) {
        const [name, ...value] = header.split(':');
        headers[name!.trim().toLowerCase()] = value.join(':').trim().replace('$TOKEN', token);
      }
      const url = curl.url.replace('http://127.0.0.1:4000', jol.system.gatewayUrl);
      if (curl.data === undefined) {
        const response = await fetch(url, { headers });
        const text = await response.text();
        expect({ status: response.status, errors: text.includes('"errors"') }).toEqual({
          status: 200,
          errors: false,
        });
        return;
      }
      // The body must be JSON exactly as written in the shell's single quotes.
      const payload = JSON.parse(curl.data) as unknown;
      const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(payload) });
      expect(problemsOf(response.status, await response.json())).toEqual([]);
      return;
    }
    expect(block.lang).toBe('graphql');
    const [role, purpose, ...options] = rest;
    if (!role || !isRole(role)) throw new Error(`no role in the marker ${block.marker}`);
    expect(ROLE_POLICY[role].purposes).toContain(purpose);
    const claims = Object.fromEntries(
      options.map((option) => option.split('=') as [string, string]),
    );
    const { query, variables } = parseGraphQLBlock(block.body);
    const response = await post(
      jol.graphqlUrl,
      { query, variables },
      { authorization: `Bearer ${await jol.token(role, claims)}`, 'x-purpose': purpose! },
    );
    expect(problemsOf(response.status, await response.json())).toEqual([]);
  });

  it.each(
    EXAMPLE_OPERATIONS.map(
      (example) => [`GraphiQL ${example.role}: ${example.title}`, example] as const,
    ),
  )('%s', async (_name, example) => {
    const role: Role = example.role;
    const claims =
      role === 'DATA_SUBJECT'
        ? { pin: SAMPLE_PIN }
        : role === 'PARTNER'
          ? { partner: 'RU-SFR' }
          : {};
    const body = requestBodyFor(
      { query: example.query, variables: example.variables ?? {} },
      role === 'PARTNER',
    );
    const response = await post(jol.graphqlUrl, body, {
      authorization: `Bearer ${await jol.token(role, claims)}`,
      'x-purpose': example.purpose,
    });
    expect(problemsOf(response.status, await response.json())).toEqual([]);
  });
});
