import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../paths';

/** Where development keys live (git-ignored), as `npm start` and `npm run token` keep them. */
const DEV_KEYS_DIR = join(REPO_ROOT, '.keys');

/**
 * Where the audit job finds its key and its checkpoint logs. The private key is given to the
 * checkpoint job only (never to a subgraph or the database); verifying needs the public key.
 */
export interface AuditJobConfig {
  /** PEM file of the Ed25519 private key (AUDIT_CHECKPOINT_KEY). @default .keys/audit-checkpoint.private.pem */
  privateKeyPath: string;
  /** PEM file of the public key (AUDIT_CHECKPOINT_PUBLIC_KEY). @default .keys/audit-checkpoint.public.pem */
  publicKeyPath: string;
  /** The checkpoint logs' folder (AUDIT_CHECKPOINT_DIR). @default .data/audit-checkpoints */
  checkpointDir: string;
}

export function auditJobConfig(env: NodeJS.ProcessEnv = process.env): AuditJobConfig {
  return {
    privateKeyPath: env.AUDIT_CHECKPOINT_KEY ?? join(DEV_KEYS_DIR, 'audit-checkpoint.private.pem'),
    publicKeyPath:
      env.AUDIT_CHECKPOINT_PUBLIC_KEY ?? join(DEV_KEYS_DIR, 'audit-checkpoint.public.pem'),
    checkpointDir: env.AUDIT_CHECKPOINT_DIR ?? join(REPO_ROOT, '.data', 'audit-checkpoints'),
  };
}

/**
 * Creates a development Ed25519 key pair for checkpoints on first use (both files absent), and
 * reads them back afterwards. For local runs and tests only: production keys come from the
 * deployment, and a missing one there is an error, not a new key.
 */
export function ensureDevAuditKeys(config: AuditJobConfig): void {
  if (existsSync(config.privateKeyPath) || existsSync(config.publicKeyPath)) return;
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  for (const path of [config.privateKeyPath, config.publicKeyPath])
    mkdirSync(join(path, '..'), { recursive: true, mode: 0o700 });
  writeFileSync(
    config.privateKeyPath,
    privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    { mode: 0o600 },
  );
  writeFileSync(config.publicKeyPath, publicKey.export({ type: 'spki', format: 'pem' }) as string);
}

/** The Ed25519 key in a PEM file; anything else is refused with the file named. */
export function readAuditKey(path: string, kind: 'private' | 'public'): KeyObject {
  if (!existsSync(path)) throw new Error(`the audit ${kind} key ${path} does not exist`);
  const pem = readFileSync(path, 'utf8');
  const key = kind === 'private' ? createPrivateKey(pem) : createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519')
    throw new Error(`the audit ${kind} key ${path} is ${key.asymmetricKeyType}, not ed25519`);
  return key;
}
