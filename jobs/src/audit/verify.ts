import { createPublicKey, type KeyObject } from 'node:crypto';
import { SUBGRAPHS } from '@jol/schema';
import {
  connectStore,
  createAuditEventModel,
  signCheckpoint,
  verifyAuditChain,
  type AuditCheckpoint,
  type ChainVerification,
} from '@jol/kernel';
import { appendCheckpoint, readCheckpointLog } from './checkpoint-log';

export interface ChainReport extends ChainVerification {
  service: string;
  database: string;
  /** How many signed checkpoints the chain was held to. */
  checkpoints: number;
}

/**
 * Verifies the audit chain of every subgraph's database against its signed checkpoints (when a
 * public key is given); one report per chain. A checkpoint log that does not verify breaks the
 * chain's report at the line's seq 0, since nothing it vouches for can be trusted.
 */
export async function verifyAllAuditChains(
  mongodbUri: string,
  databasePrefix = 'jol',
  checkpoints?: { dir: string; publicKey: KeyObject },
): Promise<ChainReport[]> {
  return verifyAuditChains(mongodbUri, allChains(databasePrefix), checkpoints);
}

/** An agency's audit chain: the agency (subgraph) and its own database. */
export interface ChainLocation {
  service: string;
  database: string;
}

/** Every subgraph's chain, in the databases `<prefix>_<subgraph>`. */
export function allChains(databasePrefix: string): ChainLocation[] {
  return SUBGRAPHS.map(({ name }) => ({ service: name, database: `${databasePrefix}_${name}` }));
}

/** Verifies the given chains, each through a connection to its own database alone. */
export async function verifyAuditChains(
  mongodbUri: string,
  chains: readonly ChainLocation[],
  checkpoints?: { dir: string; publicKey: KeyObject },
): Promise<ChainReport[]> {
  return forEachChain(mongodbUri, chains, async (service, database, AuditEvent) => {
    const log = checkpoints
      ? readCheckpointLog(checkpoints.dir, service, checkpoints.publicKey)
      : ({ ok: true, anchors: [] } as const);
    if (!log.ok)
      return {
        service,
        database,
        checkpoints: 0,
        ok: false,
        events: 0,
        head: { seq: 0, hash: '' },
        brokenAt: { seq: 0, reason: `checkpoint log line ${log.line}: ${log.reason}` },
      };
    const verification = await verifyAuditChain(AuditEvent, log.anchors);
    return { service, database, checkpoints: log.anchors.length, ...verification };
  });
}

export interface CheckpointReport {
  report: ChainReport;
  /** The checkpoint written; none when the chain did not verify. */
  checkpoint?: AuditCheckpoint;
}

/**
 * Signs and appends a checkpoint of every chain's head, after verifying the chain against the
 * checkpoints already signed: a broken chain is reported and never vouched for.
 */
export async function checkpointAllAuditChains(
  mongodbUri: string,
  databasePrefix: string,
  options: { dir: string; privateKey: KeyObject; now?: Date },
): Promise<CheckpointReport[]> {
  return checkpointAuditChains(mongodbUri, allChains(databasePrefix), options);
}

/** Signs the heads of the given chains (see checkpointAllAuditChains). */
export async function checkpointAuditChains(
  mongodbUri: string,
  chains: readonly ChainLocation[],
  options: { dir: string; privateKey: KeyObject; now?: Date },
): Promise<CheckpointReport[]> {
  const publicKey = createPublicKey(options.privateKey);
  const reports = await verifyAuditChains(mongodbUri, chains, {
    dir: options.dir,
    publicKey,
  });
  return reports.map((report) => {
    if (!report.ok) return { report };
    const checkpoint = signCheckpoint(options.privateKey, report.service, report.head, options.now);
    appendCheckpoint(options.dir, checkpoint);
    return { report, checkpoint };
  });
}

async function forEachChain<T>(
  mongodbUri: string,
  chains: readonly ChainLocation[],
  visit: (
    service: string,
    database: string,
    AuditEvent: ReturnType<typeof createAuditEventModel>,
  ) => Promise<T>,
): Promise<T[]> {
  const results: T[] = [];
  for (const { service: name, database } of chains) {
    const connection = await connectStore({ uri: mongodbUri, dbName: database });
    try {
      results.push(await visit(name, database, createAuditEventModel(connection)));
    } finally {
      await connection.close();
    }
  }
  return results;
}
