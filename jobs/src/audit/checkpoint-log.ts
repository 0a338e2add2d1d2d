import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { checkpointDefect, type AuditCheckpoint, type ChainAnchor } from '@jol/kernel';

/**
 * One append-only file of signed checkpoints per agency (`<dir>/<service>.checkpoints.jsonl`, a
 * JSON object a line). It lives with the audit job, outside the agency's database, so that whoever
 * can write the database cannot rewrite the heads it vouched for.
 */
export function checkpointLogPath(dir: string, service: string): string {
  return join(dir, `${service}.checkpoints.jsonl`);
}

export function appendCheckpoint(dir: string, checkpoint: AuditCheckpoint): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  appendFileSync(checkpointLogPath(dir, checkpoint.service), `${JSON.stringify(checkpoint)}\n`, {
    mode: 0o600,
  });
}

export type CheckpointLog =
  | { ok: true; checkpoints: AuditCheckpoint[]; anchors: ChainAnchor[] }
  | { ok: false; line: number; reason: string };

/**
 * Reads an agency's checkpoints and checks each one: a line that does not parse, is not signed by
 * `publicKey`, names another agency, or goes back in seq makes the whole log untrusted.
 */
export function readCheckpointLog(
  dir: string,
  service: string,
  publicKey: KeyObject,
): CheckpointLog {
  const path = checkpointLogPath(dir, service);
  if (!existsSync(path)) return { ok: true, checkpoints: [], anchors: [] };
  const checkpoints: AuditCheckpoint[] = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  for (const [index, text] of lines.entries()) {
    if (text.trim() === '') continue;
    const line = index + 1;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return { ok: false, line, reason: 'not JSON' };
    }
    const defect = checkpointDefect(publicKey, service, value);
    if (defect) return { ok: false, line, reason: defect };
    const checkpoint = value as AuditCheckpoint;
    const previous = checkpoints.at(-1);
    if (previous && checkpoint.seq < previous.seq)
      return {
        ok: false,
        line,
        reason: `seq ${checkpoint.seq} is below the previous ${previous.seq}`,
      };
    checkpoints.push(checkpoint);
  }
  return {
    ok: true,
    checkpoints,
    anchors: checkpoints.map(({ seq, hash }) => ({ seq, hash })),
  };
}
