import { existsSync, readFileSync } from 'node:fs';
import { createTokenVerifier, tokenVerifierOptionsFromEnv } from './jwt';
import { metricsTokenFromEnv } from '../metrics';
import { serviceKeysFromEnv } from './service-identity';
import {
  DEFAULT_KEY_ID,
  MIN_SIGNING_SECRET_LENGTH,
  SIGNING_KEY_ID,
  signingKeys,
  type SigningKey,
  type SigningKeys,
} from './signing';

/** A variable's value, or the content of the file its `_FILE` variable names (container secrets). */
function secretSetting(value: string | undefined, file: string | undefined): string | undefined {
  const text = file && existsSync(file) ? readFileSync(file, 'utf8') : value;
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}

/**
 * Reads `kid:secret` pairs separated by commas or white space; a secret may itself hold colons.
 * Messages name the pair's position only: a bare secret holding a colon reads as a pair whose
 * "key id" is the start of the secret, so nothing of an entry is ever printed.
 */
export function parseSigningKeyList(text: string): SigningKey[] {
  return text
    .split(/[\s,]+/)
    .filter((pair) => pair !== '')
    .map((pair, index) => {
      const colon = pair.indexOf(':');
      const id = pair.slice(0, Math.max(colon, 0));
      const secret = pair.slice(colon + 1);
      if (colon <= 0 || !SIGNING_KEY_ID.test(id) || secret.length < MIN_SIGNING_SECRET_LENGTH)
        throw new Error(
          `JOL_SIGNING_KEYS entry ${index + 1} must be "<key id>:<secret>": an id of 1-64 characters of A-Z a-z 0-9 . _ -, a colon, a secret of at least ${MIN_SIGNING_SECRET_LENGTH} characters`,
        );
      return { id, secret };
    });
}

/**
 * The deployment's signing keys, in order: the pairs of `JOL_SIGNING_KEYS` (or the file
 * `JOL_SIGNING_KEYS_FILE` names), then the lone secret of `JOL_SIGNING_SECRET` (or
 * `JOL_SIGNING_SECRET_FILE`) under the key id "default". The first key signs; all are accepted.
 * Rotating: give the subgraphs the new key, then the gateway (it signs with its first key), then
 * remove the old key everywhere. A service will not start without a key, with a secret shorter than
 * 32 characters or with a key id given twice.
 */
export function signingKeysFromEnv(env: NodeJS.ProcessEnv = process.env): SigningKeys {
  const listed = secretSetting(env.JOL_SIGNING_KEYS, env.JOL_SIGNING_KEYS_FILE);
  const lone = secretSetting(env.JOL_SIGNING_SECRET, env.JOL_SIGNING_SECRET_FILE);
  const keys = [
    ...(listed ? parseSigningKeyList(listed) : []),
    ...(lone ? [{ id: DEFAULT_KEY_ID, secret: lone }] : []),
  ];
  if (keys.length === 0)
    throw new Error(
      'JOL_SIGNING_SECRET (or JOL_SIGNING_SECRET_FILE) or JOL_SIGNING_KEYS (or JOL_SIGNING_KEYS_FILE) must hold a signing secret of at least 32 characters',
    );
  return signingKeys(keys);
}

/** Everything the gateway and the subgraphs need to check who is calling, from the environment. */
export function accessFromEnv(env: NodeJS.ProcessEnv = process.env) {
  const serviceKeys = serviceKeysFromEnv(env);
  return {
    signingKeys: signingKeysFromEnv(env),
    verifyToken: createTokenVerifier({
      ...tokenVerifierOptionsFromEnv(env),
      servicePublicKey: serviceKeys.publicKey,
    }),
    metricsToken: metricsTokenFromEnv(env),
    serviceKeys,
  };
}
