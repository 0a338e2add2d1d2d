import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient, type Collection, type Document } from 'mongodb';
import {
  connectStore,
  createAuditChain,
  createAuditEventModel,
  hashEvent,
  type AuditEventInput,
  type AuditEventRecord,
} from '@jol/kernel';
import {
  auditJobConfig,
  checkpointLogPath,
  ensureDevAuditKeys,
  runAuditCheckpoint,
  runAuditVerify,
} from '@jol/jobs';
import { SUBGRAPHS } from '@jol/schema';

/**
 * The audit jobs against the real store, attacked as whoever can write an agency's database: the
 * chain alone cannot show the newest events deleted or a tail rewritten and re-hashed; the signed
 * checkpoints, kept outside the database, do.
 */

const uri = () => process.env.MONGODB_URI!;

function event(n: number): AuditEventInput {
  return {
    at: new Date(Date.UTC(2026, 2, 1, 10, 0, n)),
    service: 'labour',
    requestId: `checkpoint-${n}`,
    callerRequestId: null,
    sub: 'officer',
    roles: ['LABOUR_OFFICER'],
    agency: 'labour',
    partner: null,
    purpose: 'EMPLOYMENT_SERVICES',
    operationType: 'query',
    callerOperationName: null,
    callerOperationId: null,
    served: ['Person.employment'],
    refused: [],
    failed: [],
    pins: ['10503199012345'],
    outcome: 'ALLOWED',
  };
}

describe('audit:checkpoint and audit:verify', () => {
  let dir: string;
  let prefix: string;
  let env: NodeJS.ProcessEnv;
  let args: string[];
  let mongo: MongoClient;
  let labour: Collection<Document>;

  const append = async (from: number, to: number) => {
    const connection = await connectStore({ uri: uri(), dbName: `${prefix}_labour` });
    try {
      const chain = createAuditChain(createAuditEventModel(connection));
      for (let n = from; n <= to; n++) await chain.append(event(n));
    } finally {
      await connection.close();
    }
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jol-audit-'));
    prefix = `ckpt_${randomUUID().slice(0, 8)}`;
    env = {
      AUDIT_CHECKPOINT_KEY: join(dir, 'keys', 'audit.private.pem'),
      AUDIT_CHECKPOINT_PUBLIC_KEY: join(dir, 'keys', 'audit.public.pem'),
      AUDIT_CHECKPOINT_DIR: join(dir, 'checkpoints'),
    };
    ensureDevAuditKeys(auditJobConfig(env));
    args = ['--uri', uri(), '--prefix', prefix];
    mongo = new MongoClient(uri());
    await mongo.connect();
    labour = mongo.db(`${prefix}_labour`).collection('audit_events');
    await append(1, 5);
    const signed = await runAuditCheckpoint(args, env);
    expect(signed).toMatchObject({ code: 0 });
    expect(signed.lines).toContainEqual(expect.stringMatching(/^signed\s+labour\s+head seq 5 /));
  });
  afterEach(async () => {
    for (const { name } of SUBGRAPHS) await mongo.db(`${prefix}_${name}`).dropDatabase();
    await mongo.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('verifies the untouched chains against their checkpoints, and chains grown since', async () => {
    expect(await runAuditVerify(args, env)).toMatchObject({ code: 0 });
    await append(6, 7);
    const verified = await runAuditVerify(args, env);
    expect(verified.code).toBe(0);
    expect(verified.lines).toContainEqual(
      expect.stringMatching(/^ok\s+labour\s+7 events, head seq 7, 1 checkpoints/),
    );
  });

  it('catches the newest event deleted, naming the agency and the seq', async () => {
    await labour.deleteOne({ seq: 5 });
    const verified = await runAuditVerify(args, env);
    expect(verified.code).toBe(1);
    expect(verified.lines).toContainEqual(
      expect.stringMatching(
        /^BROKEN\s+labour\s+at seq 5: .*below its signed checkpoint.*truncated/,
      ),
    );
    expect(verified.lines.filter((l) => l.startsWith('BROKEN'))).toHaveLength(1);
  });

  it('catches an event rewritten and every event after it re-hashed', async () => {
    let prevHash = (await labour.findOne({ seq: 2 }))!.hash as string;
    for (const seq of [3, 4, 5]) {
      const stored = (await labour.findOne({ seq })) as unknown as AuditEventRecord;
      const rewritten = { ...stored, prevHash, pins: seq === 3 ? [] : stored.pins };
      const hash = hashEvent(rewritten);
      await labour.updateOne({ seq }, { $set: { prevHash, pins: rewritten.pins, hash } });
      prevHash = hash;
    }
    const verified = await runAuditVerify(args, env);
    expect(verified.code).toBe(1);
    expect(verified.lines).toContainEqual(
      expect.stringMatching(/^BROKEN\s+labour\s+at seq 5: the chain differs from its signed/),
    );
  });

  it('catches a truncated chain grown back past the checkpoint with forged events', async () => {
    await labour.deleteMany({ seq: { $gte: 4 } });
    await append(14, 16); // other events, at seq 4 to 6
    const verified = await runAuditVerify(args, env);
    expect(verified.code).toBe(1);
    expect(verified.lines).toContainEqual(expect.stringMatching(/^BROKEN\s+labour\s+at seq 5: /));
  });

  it('refuses to sign the head of a broken chain, and keeps the log as it was', async () => {
    const log = checkpointLogPath(env.AUDIT_CHECKPOINT_DIR!, 'labour');
    const before = readFileSync(log, 'utf8');
    await labour.deleteOne({ seq: 5 });
    const signed = await runAuditCheckpoint(args, env);
    expect(signed.code).toBe(1);
    expect(signed.lines).toContainEqual(expect.stringMatching(/^BROKEN\s+labour\s+at seq 5/));
    expect(readFileSync(log, 'utf8')).toBe(before);
  });

  it('catches a checkpoint edited in its file, or a line forged without the key', async () => {
    const log = checkpointLogPath(env.AUDIT_CHECKPOINT_DIR!, 'labour');
    const original = readFileSync(log, 'utf8');
    const [line] = original.trim().split('\n');
    // After deleting the newest event, the attacker lowers the checkpoint to match.
    await labour.deleteOne({ seq: 5 });
    const head4 = (await labour.findOne({ seq: 4 }))!.hash as string;
    writeFileSync(log, `${JSON.stringify({ ...JSON.parse(line!), seq: 4, hash: head4 })}\n`);
    const edited = await runAuditVerify(args, env);
    expect(edited.code).toBe(1);
    expect(edited.lines).toContainEqual(
      expect.stringMatching(
        /^BROKEN\s+labour\s+at seq 0: checkpoint log line 1: the signature does not verify/,
      ),
    );
    // A whole log signed with another key is no better.
    const stranger = {
      AUDIT_CHECKPOINT_KEY: join(dir, 'other', 'private.pem'),
      AUDIT_CHECKPOINT_PUBLIC_KEY: join(dir, 'other', 'public.pem'),
      AUDIT_CHECKPOINT_DIR: join(dir, 'forged'),
    };
    ensureDevAuditKeys(auditJobConfig(stranger));
    expect(await runAuditCheckpoint(args, stranger)).toMatchObject({ code: 0 });
    writeFileSync(log, readFileSync(checkpointLogPath(stranger.AUDIT_CHECKPOINT_DIR, 'labour')));
    const forged = await runAuditVerify(args, env);
    expect(forged.code).toBe(1);
    expect(forged.lines).toContainEqual(
      expect.stringMatching(/line 1: signed by key .* not this key/),
    );
  });

  it('stops instead of verifying the links alone when a deployment lost its public key', async () => {
    const missing = join(dir, 'nowhere', 'public.pem');
    const named = { ...env, AUDIT_CHECKPOINT_PUBLIC_KEY: missing };
    await expect(runAuditVerify(args, named)).rejects.toThrow(
      `the audit public key ${missing} does not exist`,
    );
  });
});
