import { createHash, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { GraphQLError } from 'graphql';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  errors as joseErrors,
  jwtVerify,
  type JSONWebKeySet,
  type JWTVerifyGetKey,
  type JWTPayload,
} from 'jose';
import { LRUCache } from 'lru-cache';
import type { Caller } from '../context';
import { ErrorCode } from '../errors';
import { parsePin } from '../scalars/pin';
import { isRegionCode } from '../scalars/region';
import { isRole, isServiceRole } from './roles';
import { SERVICE_ISSUER, SERVICE_TOKEN_TTL_SECONDS } from './service-identity';

export interface TokenVerifierOptions {
  /** A JWKS document on disk. One of jwksPath and jwksUrl is required. */
  jwksPath?: string;
  /** A JWKS endpoint, fetched and cached by jose. */
  jwksUrl?: string;
  /** Expected `iss`. @default 'jol' */
  issuer?: string;
  /** Expected `aud`. @default 'jol' */
  audience?: string;
  /**
   * The public key of Jol's service identity (service-identity.ts): tokens of issuer
   * `jol-service` are verified with it alone. Without it, no service token is accepted.
   */
  servicePublicKey?: KeyObject;
  /**
   * Verified tokens remembered (by their SHA-256) until they expire, so that a caller's next
   * request is not verified again; 0 verifies every time. @default 10000
   */
  cachedTokens?: number;
  /** How long fetched JWKS keys are trusted before they are fetched again. @default 600000 */
  jwksMaxAgeMs?: number;
  /** How long a fetch of the JWKS may take. @default 5000 */
  jwksTimeoutMs?: number;
}

export type TokenVerifier = (token: string) => Promise<Caller>;

/** Accepted signature algorithms; anything else (HS256, none) is refused. */
export const TOKEN_ALGORITHMS = ['EdDSA', 'RS256'];

/**
 * The identity provider's key set could not be fetched (no answer in time, not reachable, not a
 * 200, not a key set): no token can be checked until it can. HTTP 503; the same request may be sent
 * again later.
 */
export function identityProviderUnavailable(): GraphQLError {
  return new GraphQLError(
    "The identity provider's keys cannot be fetched now, so no token can be checked; send the request again later",
    { extensions: { code: ErrorCode.SERVICE_UNAVAILABLE, http: { status: 503 } } },
  );
}

/**
 * Whether a key lookup failed for want of the key set rather than because of the token: a timeout,
 * a network failure (fetch's TypeError), or jose's generic error for a response that is not a 200
 * or not JSON, or a set that is not a JWKS. A token whose key is not in a fetched set
 * (JWKSNoMatchingKey) is the token's fault.
 */
function isKeyFetchFailure(error: unknown): boolean {
  if (error instanceof joseErrors.JWKSTimeout || error instanceof joseErrors.JWKSInvalid)
    return true;
  // fetch's network failure (by name: the error may come from another realm than this module's).
  if (
    typeof error === 'object' &&
    error !== null &&
    (error as { name?: unknown }).name === 'TypeError'
  )
    return true;
  return error instanceof joseErrors.JOSEError && error.code === joseErrors.JOSEError.code;
}

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
  let keys: JWTVerifyGetKey;
  // The key ids a cached token may still be trusted under; a remote set can drop a key.
  let currentKeyIds: () => Promise<ReadonlySet<string> | null>;
  if (options.jwksPath) {
    const jwks = JSON.parse(readFileSync(options.jwksPath, 'utf8')) as JSONWebKeySet;
    keys = createLocalJWKSet(jwks);
    const ids = keyIdsOf(jwks);
    currentKeyIds = () => Promise.resolve(ids);
  } else if (options.jwksUrl) {
    const remote = createRemoteJWKSet(new URL(options.jwksUrl), {
      cacheMaxAge: options.jwksMaxAgeMs ?? 600_000,
      timeoutDuration: options.jwksTimeoutMs ?? 5_000,
    });
    // A key set that cannot be fetched says nothing about the token: the caller is told the
    // identity provider is out of reach (503), not that its token is bad (401).
    keys = async (header, token) => {
      try {
        return await remote(header, token);
      } catch (error) {
        if (isKeyFetchFailure(error)) throw identityProviderUnavailable();
        throw error;
      }
    };
    currentKeyIds = async () => {
      if (!remote.fresh) await remote.reload();
      const jwks = remote.jwks();
      return jwks ? keyIdsOf(jwks) : null;
    };
  } else {
    throw new Error('token verification needs JWKS_PATH or JWKS_URL');
  }
  const issuer = options.issuer ?? 'jol';
  const audience = options.audience ?? 'jol';
  if (issuer === SERVICE_ISSUER)
    throw new Error(`JWT_ISSUER must not be "${SERVICE_ISSUER}", the issuer of Jol's own services`);
  const verifyService = serviceTokenVerifier(audience, options.servicePublicKey);
  const verify = async (
    token: string,
  ): Promise<{ caller: Caller; payload: JWTPayload; kid?: string }> => {
    try {
      const { payload, protectedHeader } = await jwtVerify(token, keys, {
        issuer,
        audience,
        algorithms: TOKEN_ALGORITHMS,
        requiredClaims: ['sub', 'exp'],
      });
      const caller = callerFromClaims(payload);
      // Only the services' own key grants a service role: an identity provider cannot hand one out.
      if (caller.roles.some(isServiceRole)) throw unauthenticated('The token is not valid');
      return { caller, payload, kid: protectedHeader.kid };
    } catch (error) {
      if (error instanceof GraphQLError) throw error;
      if (error instanceof joseErrors.JWTExpired) throw unauthenticated('The token has expired');
      throw unauthenticated('The token is not valid');
    }
  };
  const size = options.cachedTokens ?? 10_000;
  // A service token lives a minute and is checked against the services' key alone: never cached.
  if (size === 0)
    return async (token) =>
      issuerOf(token) === SERVICE_ISSUER ? verifyService(token) : (await verify(token)).caller;

  const cache = new LRUCache<string, CachedToken>({ max: size });
  return async (token) => {
    if (issuerOf(token) === SERVICE_ISSUER) return verifyService(token);
    const digest = createHash('sha256').update(token).digest('base64url');
    const hit = cache.get(digest);
    if (hit) {
      // Trusted only while it has not expired and the key that signed it is still published;
      // otherwise it is verified again, which refuses it as jose would have.
      const keyIds = hit.expiresAt > Date.now() ? await currentKeyIds().catch(() => null) : null;
      if (keyIds?.has(hit.kid)) return copyOf(hit.caller);
      cache.delete(digest);
    }
    const { caller, payload, kid } = await verify(token);
    // A token without a key id cannot be tied to the key that signed it: it is never remembered.
    if (kid !== undefined && typeof payload.exp === 'number') {
      const expiresAt = payload.exp * 1000;
      const ttl = expiresAt - Date.now();
      if (ttl > 0) cache.set(digest, { caller: copyOf(caller), expiresAt, kid }, { ttl });
    }
    return caller;
  };
}

interface CachedToken {
  caller: Caller;
  /** The token's `exp`, in milliseconds. */
  expiresAt: number;
  kid: string;
}

function keyIdsOf(jwks: JSONWebKeySet): ReadonlySet<string> {
  return new Set(jwks.keys.flatMap((key) => (typeof key.kid === 'string' ? [key.kid] : [])));
}

/** Each request gets a caller of its own: nothing one request does to it reaches another. */
function copyOf(caller: Caller): Caller {
  return { ...caller, roles: [...caller.roles] };
}

/** The `iss` a token claims, unverified: it only picks the key the token is verified with. */
function issuerOf(token: string): unknown {
  try {
    return decodeJwt(token).iss;
  } catch {
    return undefined;
  }
}

/**
 * Verifies a token of Jol's service identity: EdDSA under the services' public key, issuer
 * `jol-service`, at most a minute old, carrying service roles and no claim that widens a reach
 * (region, PIN, partner, office). Without the key every such token is refused.
 */
function serviceTokenVerifier(audience: string, key: KeyObject | undefined): TokenVerifier {
  return async (token) => {
    if (!key) throw unauthenticated('The token is not valid');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key, {
        issuer: SERVICE_ISSUER,
        audience,
        algorithms: ['EdDSA'],
        requiredClaims: ['sub', 'exp', 'iat'],
        maxTokenAge: SERVICE_TOKEN_TTL_SECONDS + 5,
      }));
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw unauthenticated('The token has expired');
      throw unauthenticated('The token is not valid');
    }
    const roles = payload.roles;
    const widening = ['region', 'pin', 'partner', 'office'].some(
      (claim) => payload[claim] !== undefined,
    );
    if (!Array.isArray(roles) || roles.length === 0 || !roles.every(isServiceRole) || widening)
      throw unauthenticated('The token is not valid');
    return callerFromClaims(payload);
  };
}

/** An office code: upper-case letters, digits and underscores, as agencies name their offices. */
const OFFICE = /^[A-Z][A-Z0-9_]{0,63}$/;

/** The longest `sub` accepted: OpenID Connect Core's bound for a subject identifier. */
const MAX_SUB = 255;

/** Turns verified claims into a Caller, refusing claims Jol does not know. */
export function callerFromClaims(payload: JWTPayload): Caller {
  const roles = payload.roles;
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every(isRole)) {
    throw unauthenticated('The token must carry a non-empty roles claim of known roles');
  }
  // The sub names the caller wherever Jol keeps one (the audit, a webhook subscription's maker):
  // coerced, {"a":1} and {"b":2} would both be "[object Object]", one caller for two.
  if (typeof payload.sub !== 'string' || payload.sub === '' || payload.sub.length > MAX_SUB)
    throw unauthenticated(`The token sub claim must be a string of 1-${MAX_SUB} characters`);
  const caller: Caller = { sub: payload.sub, roles: [...roles] };
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
  if (payload.office !== undefined) {
    if (typeof payload.office !== 'string' || !OFFICE.test(payload.office))
      throw unauthenticated('The token office claim is malformed');
    caller.office = payload.office;
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
