import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { SignJWT } from 'jose';
import { z } from 'zod';
import { parseEnv } from '../settings';
import type { Role } from '@jol/schema';

/**
 * Jol's service identity: a token a subgraph mints for itself to ask the graph what its caller may
 * not ask (does this PIN name a registered person, when were they born), so that a partner's write
 * is checked against the register without the partner reading persons. The tokens are signed with
 * an Ed25519 key that only the subgraphs hold (`JOL_SERVICE_KEY`); the gateway holds the public key
 * (`JOL_SERVICE_PUBLIC_KEY`). They carry a service role and nothing else (no region, PIN or
 * partner), name their own issuer, and live a minute. An identity provider's token naming a service
 * role is refused (jwt.ts), so no caller from outside can present one.
 */

/** The issuer of service tokens; an identity provider's tokens must name another. */
export const SERVICE_ISSUER = 'jol-service';

/** How long a service token is valid: one question through the gateway, with room for retries. */
export const SERVICE_TOKEN_TTL_SECONDS = 60;

/** The keys of the service identity a process holds: the private key only in the subgraphs. */
export interface ServiceKeys {
  /** Signs service tokens (subgraphs only). */
  privateKey?: KeyObject;
  /** Verifies them; derived from the private key when only that is given. */
  publicKey?: KeyObject;
}

/** A variable's value, or the content of the file its `_FILE` variable names (container secrets). */
function fromFile(value: string | undefined, file: string | undefined): string | undefined {
  const text = file && existsSync(file) ? readFileSync(file, 'utf8') : value;
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}

/** An Ed25519 key in PEM, parsed by `parse`; any other kind of key is refused. */
const ed25519Pem = (parse: (pem: string) => KeyObject, what: string) =>
  z
    .string()
    .optional()
    .transform((pem, ctx) => {
      if (pem === undefined) return undefined;
      try {
        const key = parse(pem);
        if (key.asymmetricKeyType === 'ed25519') return key;
      } catch {
        // reported below without the value
      }
      ctx.addIssue({ code: 'custom', message: `must be an Ed25519 ${what} key in PEM` });
      return z.NEVER;
    });

const serviceKeySettings = z.object({
  JOL_SERVICE_KEY: ed25519Pem((pem) => createPrivateKey(pem), 'private'),
  JOL_SERVICE_PUBLIC_KEY: ed25519Pem((pem) => createPublicKey(pem), 'public'),
});

/**
 * The service keys from `JOL_SERVICE_KEY` / `JOL_SERVICE_KEY_FILE` (the private key, for the
 * subgraphs) and `JOL_SERVICE_PUBLIC_KEY` / `_FILE` (for the gateway). Both absent: the process
 * neither mints nor accepts service tokens. A malformed key, or a pair that does not match, stops
 * the process; the key is never printed.
 */
export function serviceKeysFromEnv(env: NodeJS.ProcessEnv = process.env): ServiceKeys {
  const settings = parseEnv(
    serviceKeySettings,
    {
      JOL_SERVICE_KEY: fromFile(env.JOL_SERVICE_KEY, env.JOL_SERVICE_KEY_FILE),
      JOL_SERVICE_PUBLIC_KEY: fromFile(env.JOL_SERVICE_PUBLIC_KEY, env.JOL_SERVICE_PUBLIC_KEY_FILE),
    },
    () => false,
  );
  const privateKey = settings.JOL_SERVICE_KEY;
  const derived = privateKey ? createPublicKey(privateKey) : undefined;
  const publicKey = settings.JOL_SERVICE_PUBLIC_KEY ?? derived;
  if (derived && publicKey && !derived.equals(publicKey))
    throw new Error('JOL_SERVICE_PUBLIC_KEY is not the public key of JOL_SERVICE_KEY');
  return { ...(privateKey ? { privateKey } : {}), ...(publicKey ? { publicKey } : {}) };
}

export interface ServiceTokenClaims {
  /** The service role the token carries. */
  role: Role;
  /** The subgraph that asks; the token's subject is `service:<agency>`. */
  agency: string;
  /** Expected `aud` of the verifiers. @default 'jol' */
  audience?: string;
}

/** Mints a short-lived service token with the subgraphs' private key. */
export function issueServiceToken(privateKey: KeyObject, claims: ServiceTokenClaims) {
  return new SignJWT({ roles: [claims.role], agency: claims.agency })
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' })
    .setSubject(`service:${claims.agency}`)
    .setIssuer(SERVICE_ISSUER)
    .setAudience(claims.audience ?? 'jol')
    .setIssuedAt()
    .setExpirationTime(`${SERVICE_TOKEN_TTL_SECONDS}s`)
    .sign(privateKey);
}
