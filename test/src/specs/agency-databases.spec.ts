import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient, MongoServerError } from 'mongodb';
import { auditJobConfig, ensureDevAuditKeys, STATISTICS_AGENCIES } from '@jol/jobs';
import { SUBGRAPHS } from '@jol/schema';
import { REPO_ROOT, SYNTHETIC_STATISTICS_SECRET } from '@jol/tools';
import { startDatabaseGuard } from '../store/database-guard';
import { startTestSystem, type TestSystem } from '../system/test-system';

/**
 * Each agency keeps its own data: every subgraph and every production job is given a connection
 * that reaches its own agency's database alone (a guard in front of the store, as a database user
 * limited to that database would be on MongoDB), and the system still answers, writes, refreshes
 * its indicators and verifies its audit chains. A command for any other database is refused and
 * recorded; none may be.
 */

const PERSONS = 300;

interface JobRun {
  code: number | null;
  output: string;
}

/** Runs a built job as its own process, as a scheduler would, with the environment given. */
function runJob(script: string, args: string[], env: Record<string, string>): Promise<JobRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'jobs', 'dist', script), ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
  });
}

describe('each agency reaches its own database alone', () => {
  let jol: TestSystem;
  const exportDir = mkdtempSync(join(tmpdir(), 'jol-register-export-'));
  const checkpointDir = mkdtempSync(join(tmpdir(), 'jol-checkpoints-'));
  /** The environment of an agency's job: its guard and its database, nothing else. */
  const jobEnv = (agency: string) => ({
    MONGODB_URI: jol.guards[agency]!.uri,
    MONGODB_DB: `${jol.databasePrefix}_${agency}`,
    JOL_STATS_EXPORT_DIR: exportDir,
    JOL_STATS_SECRET: SYNTHETIC_STATISTICS_SECRET,
    AUDIT_CHECKPOINT_DIR: checkpointDir,
    AUDIT_CHECKPOINT_KEY: join(checkpointDir, 'key.private.pem'),
    AUDIT_CHECKPOINT_PUBLIC_KEY: join(checkpointDir, 'key.public.pem'),
  });

  beforeAll(async () => {
    jol = await startTestSystem('agency-databases', {
      seedPersons: PERSONS,
      guardDatabases: true,
    });
    ensureDevAuditKeys(auditJobConfig(jobEnv('migration')));
  }, 240_000);
  afterAll(async () => {
    await jol?.stop();
  });

  it('refuses, through a guard, a command for another database and records it', async () => {
    const uri = process.env.MONGODB_URI!;
    const guard = await startDatabaseGuard(uri, `${jol.databasePrefix}_labour`);
    const client = await new MongoClient(guard.uri).connect();
    try {
      const own = client.db(`${jol.databasePrefix}_labour`).collection('employment_records');
      expect(await own.countDocuments()).toBeGreaterThan(0);
      const other = client.db(`${jol.databasePrefix}_migration`).collection('persons');
      const refused = await other.findOne({}).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(MongoServerError);
      expect((refused as MongoServerError).code).toBe(13);
      expect(guard.refused).toEqual([
        { database: `${jol.databasePrefix}_migration`, command: 'find' },
      ]);
    } finally {
      await client.close();
      await guard.stop();
    }
  });

  it('serves reads across agencies and a write that asks the register, each subgraph in its own database', async () => {
    const officer = await jol.as('LABOUR_OFFICER', {}, 'EMPLOYMENT_SERVICES');
    const listed = await officer<{ persons: { edges: { node: { pin: string } }[] } }>(
      '{ persons(first: 3, filter: { region: "KG-C" }) { edges { node { pin } } } }',
    );
    expect(listed.errors).toBeUndefined();
    const pin = listed.data!.persons.edges[0]!.node.pin;
    const read = await officer<{ person: { pin: string; employment: unknown[] } }>(
      `{ person(pin: "${pin}") { pin homeRegion episodes { country } employment { country } } }`,
    );
    expect(read.errors).toBeUndefined();
    const skill = await officer<{ recordSkill: { id: string } }>(
      `mutation { recordSkill(input: { pin: "${pin}", name: "Welding ${randomUUID().slice(0, 8)}", level: INTERMEDIATE }) { id } }`,
    );
    expect(skill.errors).toBeUndefined();
    for (const { name } of SUBGRAPHS) {
      expect({ subgraph: name, refused: jol.guards[name]!.refused }).toEqual({
        subgraph: name,
        refused: [],
      });
      expect(jol.guards[name]!.forwarded()).toBeGreaterThan(0);
    }
  });

  it("refreshes every agency's indicators, each job in its own database, current to the day it ran", async () => {
    const started = new Date();
    // Migration first (the list's order): it publishes the register's export the others count by.
    expect(STATISTICS_AGENCIES[0]).toBe('migration');
    for (const agency of STATISTICS_AGENCIES) {
      const run = await runJob('stats-refresh-main.js', ['--agency', agency], jobEnv(agency));
      expect({ agency, code: run.code, output: run.output }).toEqual({
        agency,
        code: 0,
        output: expect.stringContaining(`${agency}: statistics refreshed as of`),
      });
    }
    for (const { name } of SUBGRAPHS)
      expect({ agency: name, refused: jol.guards[name]!.refused }).toEqual({
        agency: name,
        refused: [],
      });

    const analyst = await jol.as('ANALYST');
    const year = new Date().getUTCFullYear();
    const result = await analyst<{
      indicators: Record<string, { asOf: string; refreshedAt: string }>;
    }>(
      `{ indicators(filter: { year: ${year} }) {
        personsAbroad { asOf refreshedAt } employedAbroad { asOf refreshedAt }
        activeTbCases { asOf refreshedAt } insuredAbroad { asOf refreshedAt }
        assistanceCases { asOf refreshedAt } } }`,
    );
    expect(result.errors).toBeUndefined();
    for (const [measure, table] of Object.entries(result.data!.indicators)) {
      expect({ measure, after: new Date(table.refreshedAt) >= started }).toEqual({
        measure,
        after: true,
      });
      expect(table.asOf).toBe(new Date(table.refreshedAt).toISOString().slice(0, 10));
    }
  });

  it("verifies and checkpoints every agency's audit chain, each job in its own database", async () => {
    for (const { name } of SUBGRAPHS) {
      for (const script of ['audit-checkpoint-main.js', 'audit-verify-main.js']) {
        const run = await runJob(script, ['--agency', name], jobEnv(name));
        expect({ agency: name, script, code: run.code, output: run.output }).toEqual({
          agency: name,
          script,
          code: 0,
          output: expect.stringMatching(new RegExp(`^(signed|ok) +${name} `, 'm')),
        });
      }
      expect({ agency: name, refused: jol.guards[name]!.refused }).toEqual({
        agency: name,
        refused: [],
      });
    }
  });

  it("stops a job given another agency's database: the guard refuses it", async () => {
    // The labour refresh pointed at the migration guard must fail, not read through it.
    const run = await runJob('stats-refresh-main.js', ['--agency', 'labour'], {
      ...jobEnv('labour'),
      MONGODB_URI: jol.guards.migration!.uri,
    });
    expect(run.code).not.toBe(0);
    expect(jol.guards.migration!.refused.length).toBeGreaterThan(0);
    expect(
      jol.guards.migration!.refused.every((r) => r.database === `${jol.databasePrefix}_labour`),
    ).toBe(true);
  });
});
