import { existsSync, readFileSync } from 'node:fs';
import { createTokenVerifier, tokenVerifierOptionsFromEnv } from './jwt';

/**
 * The deployment's signing secret: `JOL_SIGNING_SECRET`, or the file `JOL_SIGNING_SECRET_FILE`
 * names (for container secrets). At least 32 characters; a service will not start without it.
 */
export function signingSecretFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const file = env.JOL_SIGNING_SECRET_FILE;
  const secret =
    file && existsSync(file) ? readFileSync(file, 'utf8').trim() : env.JOL_SIGNING_SECRET;
  if (!secret || secret.length < 32) {
    throw new Error(
      'JOL_SIGNING_SECRET (or JOL_SIGNING_SECRET_FILE) must hold a secret of at least 32 characters',
    );
  }
  return secret;
}

/** Everything the gateway and the subgraphs need to check who is calling, from the environment. */
export function accessFromEnv(env: NodeJS.ProcessEnv = process.env) {
  return {
    signingSecret: signingSecretFromEnv(env),
    verifyToken: createTokenVerifier(tokenVerifierOptionsFromEnv(env)),
  };
}
