import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDevKeys, issueDevToken } from '../auth/dev-keys';
import { createGraphQLClient } from '../client/graphql-client';
import { seedSyntheticData } from '../seed/seed';
import { startInProcessSystem, type InProcessSystem } from '../system/in-process';

/**
 * The N+1 guard: the database commands one request sends, counted by the driver of every
 * subgraph, must not grow with the page size.
 */
describe('database commands per request', () => {
  let system: InProcessSystem;
  let gql: ReturnType<typeof createGraphQLClient>;

  beforeAll(async () => {
    const mongodbUri = process.env.MONGODB_URI!;
    const databasePrefix = `e2e_n1_${randomUUID().slice(0, 8)}`;
    await seedSyntheticData({ mongodbUri, databasePrefix, persons: 600, seed: 7, progress: false });
    const keys = await ensureDevKeys(mkdtempSync(join(tmpdir(), 'jol-keys-')));
    system = await startInProcessSystem({ mongodbUri, databasePrefix, keys });
    gql = createGraphQLClient(system.gatewayUrl, {
      token: await issueDevToken(keys, {
        roles: ['LABOUR_OFFICER', 'HEALTH_OFFICER', 'PENSION_OFFICER'],
      }),
    });
  });
  afterAll(async () => {
    await system?.stop();
  });

  // No role reads all three agencies for one purpose, so each agency's field is read by its officer
  // with that officer's purpose; the guard holds for each.
  const READS = [
    { purpose: 'EMPLOYMENT_SERVICES', field: 'employment { country sector from to }' },
    { purpose: 'PENSION_ASSESSMENT', field: 'insurancePeriods { country from to }' },
    { purpose: 'MEDICAL_CARE', field: 'screenings { kind result }' },
  ];

  async function commandsFor(first: number, purpose: string, field: string) {
    system.resetCommandCounts();
    const result = await gql(
      `query ($first: Int!) { persons(first: $first) { edges { node { pin ${field} } } } }`,
      { first },
      { purpose },
    );
    expect(result.errors).toBeUndefined();
    return { edges: result.data?.persons.edges as unknown[], counts: system.commandCounts() };
  }

  it.each(READS)(
    'sends as many commands for 200 persons as for 50 ($purpose)',
    async ({ purpose, field }) => {
      await commandsFor(5, purpose, field);
      const small = await commandsFor(50, purpose, field);
      const large = await commandsFor(200, purpose, field);
      expect(small.edges).toHaveLength(50);
      expect(large.edges).toHaveLength(200);
      const total = (c: Record<string, number>) => Object.values(c).reduce((a, b) => a + b, 0);
      console.log(
        `${field.split(' ')[0]}: ${total(small.counts)} commands for 50 persons, ${total(large.counts)} for 200`,
        large.counts,
      );
      expect(large.counts).toEqual(small.counts);
      // One page read in migration, one batched read in the agency, and the audit's append.
      expect(total(large.counts)).toBeLessThanOrEqual(10);
    },
  );
});
