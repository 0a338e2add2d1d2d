import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import type { ChainAnchor } from './chain';

/**
 * A signed statement of one chain's head (as a Certificate Transparency signed tree head): the
 * audit job signs it with a key the subgraphs and their databases never hold, and keeps it outside
 * the agency's database, so a chain cut short or rewritten and re-hashed no longer matches it.
 */
export interface AuditCheckpoint {
  version: 1;
  service: string;
  seq: number;
  hash: string;
  /** When the head was read, as an ISO 8601 timestamp. */
  at: string;
  /** SHA-256 of the public key (DER), base64url: which key signed. */
  keyId: string;
  /** Ed25519 over `checkpointPayload`, base64url. */
  signature: string;
}

const DOMAIN = 'jol-audit-checkpoint/1';
const HASH = /^[0-9a-f]{64}$/;

/** The exact bytes a checkpoint's signature covers. */
export function checkpointPayload(
  checkpoint: Pick<AuditCheckpoint, 'service' | 'seq' | 'hash' | 'at'>,
): Buffer {
  return Buffer.from(
    JSON.stringify([DOMAIN, checkpoint.service, checkpoint.seq, checkpoint.hash, checkpoint.at]),
  );
}

export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64url');
}

/** Signs the head of `service`'s chain with the audit job's Ed25519 private key. */
export function signCheckpoint(
  privateKey: KeyObject,
  service: string,
  head: ChainAnchor,
  at: Date = new Date(),
): AuditCheckpoint {
  const unsigned = { service, seq: head.seq, hash: head.hash, at: at.toISOString() };
  return {
    version: 1,
    ...unsigned,
    keyId: keyIdOf(createPublicKey(privateKey)),
    signature: sign(null, checkpointPayload(unsigned), privateKey).toString('base64url'),
  };
}

/**
 * Why a stored checkpoint cannot be trusted for `service`, or null when it is well-formed, names
 * the service, and carries a valid signature by `publicKey`.
 */
export function checkpointDefect(
  publicKey: KeyObject,
  service: string,
  value: unknown,
): string | null {
  const c = value as Partial<AuditCheckpoint> | null;
  if (!c || typeof c !== 'object') return 'not a checkpoint object';
  if (c.version !== 1) return `unknown version ${String(c.version)}`;
  if (c.service !== service) return `names service ${String(c.service)}, not ${service}`;
  if (!Number.isSafeInteger(c.seq) || c.seq! < 0) return `seq ${String(c.seq)} is not a position`;
  if (typeof c.hash !== 'string' || !HASH.test(c.hash)) return 'hash is not a SHA-256 hex digest';
  if (typeof c.at !== 'string' || Number.isNaN(Date.parse(c.at))) return 'at is not a time';
  if (c.keyId !== keyIdOf(publicKey)) return `signed by key ${String(c.keyId)}, not this key`;
  if (typeof c.signature !== 'string') return 'no signature';
  const valid = verify(
    null,
    checkpointPayload(c as AuditCheckpoint),
    publicKey,
    Buffer.from(c.signature, 'base64url'),
  );
  return valid ? null : 'the signature does not verify';
}
