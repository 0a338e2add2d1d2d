import { createPrivateKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  SignJWT,
  type JWK,
} from 'jose';
import { ROLE_POLICY, type Role } from '@jol/schema';
import {
  issueServiceToken,
  isServiceRole,
  signingKeysFromEnv,
  type SigningKeys,
} from '@jol/kernel';
import { REPO_ROOT } from '../store/secantus';

/** Where `npm start` and `npm run token` keep their development keys (git-ignored). */
export const DEV_KEYS_DIR = join(REPO_ROOT, '.keys');

export interface DevKeys {
  dir: string;
  /** The public key set services verify tokens with (JWKS_PATH). */
  jwksPath: string;
  privateJwk: JWK;
  /** The gateway-to-subgraph signing secret (JOL_SIGNING_SECRET). */
  signingSecret: string;
  /** The services' Ed25519 private key in PEM (JOL_SERVICE_KEY_FILE), for the subgraphs alone. */
  serviceKeyPath: string;
  /** Its public key (JOL_SERVICE_PUBLIC_KEY_FILE), for the gateway. */
  servicePublicKeyPath: string;
}

/**
 * Creates a development Ed25519 key pair and a signing secret on first use, and reads them back
 * afterwards. For local runs and tests only: production keys come from the deployment.
 */
export async function ensureDevKeys(dir: string = DEV_KEYS_DIR): Promise<DevKeys> {
  const privatePath = join(dir, 'dev-token-key.private.jwk.json');
  const jwksPath = join(dir, 'jwks.json');
  const secretPath = join(dir, 'signing-secret');
  if (!existsSync(privatePath) || !existsSync(jwksPath) || !existsSync(secretPath)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const { publicKey, privateKey } = await generateKeyPair('EdDSA', {
      crv: 'Ed25519',
      extractable: true,
    });
    const publicJwk = await exportJWK(publicKey);
    const kid = await calculateJwkThumbprint(publicJwk);
    const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'EdDSA' };
    writeFileSync(privatePath, JSON.stringify(privateJwk), { mode: 0o600 });
    writeFileSync(
      jwksPath,
      JSON.stringify({ keys: [{ ...publicJwk, kid, alg: 'EdDSA', use: 'sig' }] }, null, 2),
    );
    writeFileSync(secretPath, randomBytes(48).toString('base64url'), { mode: 0o600 });
  }
  // Created on their own: a .keys folder made before the service identity existed lacks them.
  const serviceKeyPath = join(dir, 'service-key.pem');
  const servicePublicKeyPath = join(dir, 'service-key.public.pem');
  if (!existsSync(serviceKeyPath) || !existsSync(servicePublicKeyPath)) {
    const pair = generateKeyPairSync('ed25519');
    writeFileSync(serviceKeyPath, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }), {
      mode: 0o600,
    });
    writeFileSync(servicePublicKeyPath, pair.publicKey.export({ type: 'spki', format: 'pem' }));
  }
  return {
    dir,
    jwksPath,
    privateJwk: JSON.parse(readFileSync(privatePath, 'utf8')) as JWK,
    signingSecret: readFileSync(secretPath, 'utf8').trim(),
    serviceKeyPath,
    servicePublicKeyPath,
  };
}

/**
 * The environment every Jol service needs to trust these keys: the token keys, the signing
 * secret and the services' public key (the gateway needs no more).
 */
export function devKeysEnv(keys: DevKeys): Record<string, string> {
  return {
    JWKS_PATH: keys.jwksPath,
    JOL_SIGNING_SECRET: keys.signingSecret,
    JOL_SERVICE_PUBLIC_KEY_FILE: keys.servicePublicKeyPath,
  };
}

/** What the subgraphs hold besides devKeysEnv: the services' private key. */
export function devSubgraphKeysEnv(keys: DevKeys): Record<string, string> {
  return { JOL_SERVICE_KEY_FILE: keys.serviceKeyPath };
}

/** The signing keys the services read from devKeysEnv, for tests that sign requests themselves. */
export function signingKeysOf(keys: DevKeys): SigningKeys {
  return signingKeysFromEnv(devKeysEnv(keys));
}

/** The `agency` claim of the roles that write no member's data. */
const OTHER_AGENCY: Partial<Record<Role, string>> = {
  ANALYST: 'statistics',
  PARTNER: 'partner',
  AUDITOR: 'audit',
  DATA_SUBJECT: 'citizen',
  SUBJECT_DIRECTORY: 'pensions',
};

/** The agency a role belongs to, for the token's `agency` claim: an officer's is the one it writes. */
function agencyOf(role: Role): string {
  return ROLE_POLICY[role].writes ?? OTHER_AGENCY[role] ?? 'jol';
}

export interface TokenClaims {
  roles: Role[];
  sub?: string;
  agency?: string;
  region?: string;
  partner?: string;
  /** The office (a post abroad) the holder works at. */
  office?: string;
  pin?: string;
}

/**
 * Signs a token as an identity provider would, with the development key; for a service role, as a
 * subgraph would, with the services' key (one minute, no other claims).
 */
export async function issueDevToken(
  keys: DevKeys,
  claims: TokenClaims,
  ttl: string | number = '1h',
): Promise<string> {
  if (claims.roles.some(isServiceRole))
    return issueServiceToken(createPrivateKey(readFileSync(keys.serviceKeyPath, 'utf8')), {
      role: claims.roles[0]!,
      agency: claims.agency ?? agencyOf(claims.roles[0]!),
    });
  const key = await importJWK(keys.privateJwk, 'EdDSA');
  const role = claims.roles[0]!;
  const payload: Record<string, unknown> = {
    roles: claims.roles,
    agency: claims.agency ?? agencyOf(role),
  };
  if (claims.region) payload.region = claims.region;
  if (claims.partner) payload.partner = claims.partner;
  if (claims.office) payload.office = claims.office;
  if (claims.pin) payload.pin = claims.pin;
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'EdDSA', kid: keys.privateJwk.kid })
    .setSubject(claims.sub ?? `dev-${role.toLowerCase().replace(/_/g, '-')}`)
    .setIssuer('jol')
    .setAudience('jol')
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(key);
}
