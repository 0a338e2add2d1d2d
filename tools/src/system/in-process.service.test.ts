import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PENSION_AGREEMENTS, PENSION_PARTNERS } from '@jol/pensions';
import { ensureDevKeys } from '../auth/dev-keys';
import { startInProcessSystem, type InProcessSystem } from './in-process';

describe('the in-process system', () => {
  let system: InProcessSystem;

  beforeAll(async () => {
    const mongodbUri = process.env.MONGODB_URI;
    if (!mongodbUri)
      throw new Error('MONGODB_URI is not set: service tests run under the jest global setup');
    system = await startInProcessSystem({
      mongodbUri,
      databasePrefix: `test_inproc_${randomUUID().slice(0, 8)}`,
      keys: await ensureDevKeys(mkdtempSync(join(tmpdir(), 'jol-keys-'))),
    });
  });
  afterAll(async () => {
    if (!system) return;
    for (const connection of Object.values(system.connections)) await connection.dropDatabase();
    await system.stop();
  });

  it("starts each subgraph as its own process does, prepare included (pensions' partner registry)", async () => {
    const pensions = system.connections.pensions;
    expect(await pensions.collection('pension_partners').countDocuments()).toBe(
      PENSION_PARTNERS.length,
    );
    expect(await pensions.collection('pension_agreements').countDocuments()).toBe(
      PENSION_AGREEMENTS.length,
    );
  });

  it('builds every index before it answers', async () => {
    const indexes = await system.connections.migration.collection('persons').indexes();
    expect(indexes.length).toBeGreaterThan(1);
  });
});
