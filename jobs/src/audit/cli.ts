import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { auditJobConfig, ensureDevAuditKeys, readAuditKey } from './audit-keys';
import { SUBGRAPHS } from '@jol/schema';
import {
  allChains,
  checkpointAuditChains,
  verifyAuditChains,
  type ChainLocation,
  type ChainReport,
} from './verify';

const DEFAULT_URI = 'mongodb://127.0.0.1:27018/?directConnection=true';

const OPTIONS = {
  agency: { type: 'string' },
  uri: { type: 'string' },
  prefix: { type: 'string', default: 'jol' },
  checkpoints: { type: 'string' },
} as const;

function line(report: ChainReport): string {
  if (report.ok)
    return `ok      ${report.service.padEnd(10)} ${report.events} events, head seq ${report.head.seq}, ${report.checkpoints} checkpoints`;
  return `BROKEN  ${report.service.padEnd(10)} at seq ${report.brokenAt!.seq}: ${report.brokenAt!.reason} (${report.database}.audit_events)`;
}

/**
 * The chains a run reaches: with `--agency`, that agency's alone, in MONGODB_DB or
 * `<prefix>_<agency>` (the only database the run opens); without, every agency's.
 */
function chainsOf(
  values: { agency?: string; prefix?: string },
  env: NodeJS.ProcessEnv,
): ChainLocation[] {
  const prefix = values.prefix ?? 'jol';
  if (values.agency === undefined) {
    if (env.MONGODB_DB)
      throw new Error('MONGODB_DB names one database: pass --agency for the agency that owns it');
    return allChains(prefix);
  }
  const agency = values.agency;
  if (!SUBGRAPHS.some(({ name }) => name === agency))
    throw new Error(
      `--agency must be one of ${SUBGRAPHS.map(({ name }) => name).join(', ')}; got "${agency}"`,
    );
  return [{ service: agency, database: env.MONGODB_DB ?? `${prefix}_${agency}` }];
}

/**
 * Whether audit:verify must hold the chains to their checkpoints: when the run was given a public
 * key, or runs in production. Only a development run may verify the links alone.
 */
export function checkpointKeyRequired(env: NodeJS.ProcessEnv): boolean {
  return env.AUDIT_CHECKPOINT_PUBLIC_KEY !== undefined || env.NODE_ENV === 'production';
}

export interface CliResult {
  /** 0 when every chain verifies, 1 when one does not. */
  code: number;
  lines: string[];
}

/**
 * `audit:verify [-- --agency <agency> --uri <MONGODB_URI> --prefix jol --checkpoints <dir>]`: every chain, held to
 * its signed checkpoints. Without them a chain rewritten and re-hashed whole verifies, so a run
 * that was given a public key (AUDIT_CHECKPOINT_PUBLIC_KEY) or runs in production stops when the
 * key is not there; only a development run without either verifies the links alone, and says so.
 */
export async function runAuditVerify(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<CliResult> {
  const { values } = parseArgs({ args, options: OPTIONS });
  const config = auditJobConfig(env);
  const dir = values.checkpoints ?? config.checkpointDir;
  const lines: string[] = [];
  let checkpoints;
  if (checkpointKeyRequired(env) || existsSync(config.publicKeyPath)) {
    // A missing or unreadable key stops the run (exit 2) with the file named.
    checkpoints = { dir, publicKey: readAuditKey(config.publicKeyPath, 'public') };
  } else {
    lines.push(
      `warning: no public key at ${config.publicKeyPath}; chains are not held to checkpoints`,
    );
  }
  const reports = await verifyAuditChains(
    values.uri ?? env.MONGODB_URI ?? DEFAULT_URI,
    chainsOf(values, env),
    checkpoints,
  );
  lines.push(...reports.map(line));
  return { code: reports.every((r) => r.ok) ? 0 : 1, lines };
}

/**
 * `audit:checkpoint [-- --agency <agency> --uri ... --prefix jol --checkpoints <dir>]`: verifies every chain and
 * appends a signed checkpoint of each sound chain's head. In development the key pair is created
 * under .keys/ on first use; a deployment gives the job AUDIT_CHECKPOINT_KEY.
 */
export async function runAuditCheckpoint(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<CliResult> {
  const { values } = parseArgs({ args, options: OPTIONS });
  const config = auditJobConfig(env);
  if (!env.AUDIT_CHECKPOINT_KEY) ensureDevAuditKeys(config);
  const results = await checkpointAuditChains(
    values.uri ?? env.MONGODB_URI ?? DEFAULT_URI,
    chainsOf(values, env),
    {
      dir: values.checkpoints ?? config.checkpointDir,
      privateKey: readAuditKey(config.privateKeyPath, 'private'),
    },
  );
  const lines = results.map(({ report, checkpoint }) =>
    checkpoint
      ? `signed  ${report.service.padEnd(10)} head seq ${checkpoint.seq} ${checkpoint.hash.slice(0, 16)}…`
      : line(report),
  );
  return { code: results.every((r) => r.checkpoint) ? 0 : 1, lines };
}
