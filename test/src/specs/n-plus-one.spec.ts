import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSupergraph } from '@jol/gateway';
import {
  createGraphQLClient,
  type DevKeys,
  dropAgencyDatabases,
  ensureDevKeys,
  type InProcessSystem,
  issueDevToken,
  seedSyntheticData,
  startInProcessSystem,
} from '@jol/tools';
import {
  generatePersonReads,
  personType,
  supergraphSchema,
  UNGUARDED_PERSON_FIELDS,
  type PersonRead,
} from './person-reads';

/**
 * The N+1 guard: the database commands one request sends, counted by the driver of every
 * subgraph, must not grow with the page size. It reads every field of Person in the supergraph
 * the gateway serves, each by a caller the access policy allows (see person-reads.ts).
 */
const SCHEMA = supergraphSchema(loadSupergraph());
const { reads: READS, unreadable: UNREADABLE } = generatePersonReads(SCHEMA);

describe('the generated reads', () => {
  it('cover every Person field of the supergraph but the documented exclusions', () => {
    const fields = Object.keys(personType(SCHEMA).getFields()).sort();
    expect([...READS.map((r) => r.field), ...UNREADABLE].sort()).toEqual(fields);
    // A field no caller can read in a list must be documented; a documented field that has
    // become readable must leave the list and be guarded.
    expect([...UNREADABLE].sort()).toEqual(Object.keys(UNGUARDED_PERSON_FIELDS).sort());
  });
});

describe('database commands per request', () => {
  let system: InProcessSystem;
  let keys: DevKeys;
  const tokens = new Map<string, string>();

  const mongodbUri = process.env.MONGODB_URI!;
  const databasePrefix = `e2e_n1_${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    await seedSyntheticData({ mongodbUri, databasePrefix, persons: 600, seed: 7, progress: false });
    keys = await ensureDevKeys(mkdtempSync(join(tmpdir(), 'jol-keys-')));
    system = await startInProcessSystem({ mongodbUri, databasePrefix, keys });
  });
  afterAll(async () => {
    await system?.stop();
    await dropAgencyDatabases(mongodbUri, databasePrefix);
  });

  async function tokenFor(role: PersonRead['role']): Promise<string> {
    if (!tokens.has(role)) tokens.set(role, await issueDevToken(keys, { roles: [role] }));
    return tokens.get(role)!;
  }

  async function commandsFor(first: number, read: PersonRead) {
    const gql = createGraphQLClient(system.gatewayUrl, {
      token: await tokenFor(read.role),
      purpose: read.purpose,
    });
    system.resetCommandCounts();
    const result = await gql(
      `query ($first: Int!) { persons(first: $first) { edges { node { pin ${read.selection} } } } }`,
      { first },
    );
    expect(result.errors).toBeUndefined();
    return { edges: result.data?.persons.edges as unknown[], counts: system.commandCounts() };
  }

  const total = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);

  it.each(READS)(
    'sends as many commands for 200 persons as for 50 (Person.$field as $role, $purpose)',
    async (read) => {
      await commandsFor(5, read);
      const small = await commandsFor(50, read);
      const large = await commandsFor(200, read);
      expect(small.edges).toHaveLength(50);
      expect(large.edges).toHaveLength(200);
      console.log(
        `Person.${read.field}: ${total(small.counts)} commands for 50 persons, ${total(large.counts)} for 200`,
        large.counts,
      );
      expect(large.counts).toEqual(small.counts);
      // One page read in migration, one batched read per agency the field needs, and the audit's
      // appends.
      expect(total(large.counts)).toBeLessThanOrEqual(10);
    },
  );
});
