import { readFileSync } from 'node:fs';
import { GraphQLError } from 'graphql';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  errors as joseErrors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
} from 'jose';
import type { Caller } from '../context';
import { ErrorCode } from '../errors';
import { parsePin } from '../scalars/pin';
import { isRegionCode } from '../scalars/region';
import { isRole } from './roles';

export interface TokenVerifierOptions {
  /** A JWKS document on disk. One of jwksPath and jwksUrl is required. */
  jwksPath?: string;
  /** A JWKS endpoint, fetched and cached by jose. */
  jwksUrl?: string;
  /** Expected `iss`. @default 'jol' */
  issuer?: string;
  /** Expected `aud`. @default 'jol' */
  audience?: string;
}

export type TokenVerifier = (token: string) => Promise<Caller>;

/** Accepted signature algorithms; anything else (HS256, none) is refused. */
export const TOKEN_ALGORITHMS = ['EdDSA', 'RS256'];

export function unauthenticated(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } },
  });
}

/** Reads the verifier's settings from JWKS_PATH / JWKS_URL / JWT_ISSUER / JWT_AUDIENCE. */
export function tokenVerifierOptionsFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): TokenVerifierOptions {
  return {
    jwksPath: env.JWKS_PATH,
    jwksUrl: env.JWKS_URL,
    issuer: env.JWT_ISSUER ?? 'jol',
    audience: env.JWT_AUDIENCE ?? 'jol',
  };
}

/**
 * Verifies a bearer token's signature, lifetime, issuer and audience with jose, then checks the
 * claims Jol relies on. Every failure is an UNAUTHENTICATED error that says why, never the token.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  let keys: ReturnType<typeof createLocalJWKSet> | ReturnType<typeof createRemoteJWKSet>;
  if (options.jwksPath) {
    keys = createLocalJWKSet(JSON.parse(readFileSync(options.jwksPath, 'utf8')) as JSONWebKeySet);
  } else if (options.jwksUrl) {
    keys = createRemoteJWKSet(new URL(options.jwksUrl));
  } else {
    throw new Error('token verification needs JWKS_PATH or JWKS_URL');
  }
  const issuer = options.issuer ?? 'jol';
  const audience = options.audience ?? 'jol';
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer,
        audience,
        algorithms: TOKEN_ALGORITHMS,
        requiredClaims: ['sub', 'exp'],
      }));
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw unauthenticated('The token has expired');
      throw unauthenticated('The token is not valid');
    }
    return callerFromClaims(payload);
  };
}

/** Turns verified claims into a Caller, refusing claims Jol does not know. */
export function callerFromClaims(payload: JWTPayload): Caller {
  const roles = payload.roles;
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every(isRole)) {
    throw unauthenticated('The token must carry a non-empty roles claim of known roles');
  }
  const caller: Caller = { sub: String(payload.sub), roles: [...roles] };
  if (typeof payload.agency === 'string') caller.agency = payload.agency;
  if (payload.region !== undefined) {
    if (!isRegionCode(payload.region))
      throw unauthenticated('The token region claim is not a Kyrgyz region code');
    caller.region = payload.region;
  }
  if (payload.partner !== undefined) {
    if (typeof payload.partner !== 'string' || payload.partner === '')
      throw unauthenticated('The token partner claim is malformed');
    caller.partner = payload.partner;
  }
  if (payload.pin !== undefined) {
    try {
      caller.pin = parsePin(payload.pin);
    } catch {
      throw unauthenticated('The token pin claim is not a valid PIN');
    }
  }
  return caller;
}

/** The token of an `Authorization: Bearer <token>` header; null when there is none. */
export function bearerToken(header: unknown): string | null {
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+([A-Za-z0-9._~+/-]+=*)$/.exec(header.trim());
  return match ? match[1]! : null;
}
