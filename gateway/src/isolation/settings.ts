import { ROLE_POLICY, ROLES, type Role } from '@jol/schema';
import { ConfigError, isPublicVariable, parseEnv, wholeNumber } from '@jol/kernel';
import { z } from 'zod';

/** Requests one caller may send in a window, by role; `ANONYMOUS` is per client address. */
export type RateLimits = Record<Role | 'ANONYMOUS', number>;

export interface RateLimitSettings {
  /** Length of a counting window, in seconds. @default 60 */
  windowSeconds: number;
  /**
   * Requests per window: for a verified caller, the most generous of its roles (a partner
   * institution shares one budget over all its tokens); `ANONYMOUS` counts the requests of one
   * client address refused at authentication (no token, a token that does not verify, a purpose
   * its roles may not declare).
   */
  limits: RateLimits;
}

export interface HeavyPoolSettings {
  /** Heavy operations running at once, over all callers. @default 4 */
  concurrency: number;
  /** Of those, how many one caller may hold. @default 2 */
  perCaller: number;
  /** Heavy operations waiting for a slot, over all callers. @default 64 */
  queue: number;
  /** Of those, how many may be one caller's. @default 8 */
  queuePerCaller: number;
  /** Longest wait for a slot before the operation is refused (OVERLOADED). @default 10000 */
  queueTimeoutMs: number;
}

export interface IsolationSettings {
  rateLimits: RateLimitSettings;
  heavyPool: HeavyPoolSettings;
}

export const DEFAULT_ISOLATION: IsolationSettings = {
  rateLimits: {
    windowSeconds: 60,
    limits: {
      // Every member's officers, who write its data: a desk's worth of requests.
      ...(Object.fromEntries(
        ROLES.filter((role) => ROLE_POLICY[role].writes !== null).map((role) => [role, 600]),
      ) as Record<Role, number>),
      ANALYST: 120,
      PARTNER: 300,
      AUDITOR: 300,
      DATA_SUBJECT: 60,
      // The subgraphs' own register lookups: one per partner write about a person, all under one
      // service identity, so its budget follows the partners' combined rate.
      SUBJECT_DIRECTORY: 6000,
      ANONYMOUS: 30,
    },
  },
  heavyPool: {
    concurrency: 4,
    perCaller: 2,
    queue: 64,
    queuePerCaller: 8,
    queueTimeoutMs: 10_000,
  },
};

const RATE_LIMIT_PREFIX = 'RATE_LIMIT_';
const POOL_PREFIX = 'HEAVY_POOL_';
const LIMITED = [...ROLES, 'ANONYMOUS'] as const;

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const POOL_VARIABLES: Record<keyof HeavyPoolSettings, string> = {
  concurrency: 'HEAVY_POOL_CONCURRENCY',
  perCaller: 'HEAVY_POOL_PER_CALLER',
  queue: 'HEAVY_POOL_QUEUE',
  queuePerCaller: 'HEAVY_POOL_QUEUE_PER_CALLER',
  queueTimeoutMs: 'HEAVY_POOL_QUEUE_TIMEOUT_MS',
};

const isolationEnv = z.object({
  RATE_LIMIT_WINDOW_S: optional(wholeNumber(1, 3600)),
  ...Object.fromEntries(
    LIMITED.map((name) => [`${RATE_LIMIT_PREFIX}${name}`, optional(wholeNumber(1, 1_000_000))]),
  ),
  HEAVY_POOL_CONCURRENCY: optional(wholeNumber(1, 1000)),
  HEAVY_POOL_PER_CALLER: optional(wholeNumber(1, 1000)),
  HEAVY_POOL_QUEUE: optional(wholeNumber(0, 100_000)),
  HEAVY_POOL_QUEUE_PER_CALLER: optional(wholeNumber(0, 100_000)),
  HEAVY_POOL_QUEUE_TIMEOUT_MS: optional(wholeNumber(1, 600_000)),
});

/**
 * The per-caller rate limits and the heavy-operation pool from the environment: `RATE_LIMIT_WINDOW_S`,
 * `RATE_LIMIT_<ROLE>` and `RATE_LIMIT_ANONYMOUS`, and the `HEAVY_POOL_*` settings, each over its
 * default. A name outside these (a misspelt role), a value that is not a whole number in range, or
 * a caller's share larger than the whole throws a ConfigError naming the variable.
 */
export function isolationSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): IsolationSettings {
  const known = new Set(Object.keys(isolationEnv.shape));
  for (const variable of Object.keys(env)) {
    if (
      (variable.startsWith(RATE_LIMIT_PREFIX) || variable.startsWith(POOL_PREFIX)) &&
      !known.has(variable)
    ) {
      const family = variable.startsWith(RATE_LIMIT_PREFIX) ? RATE_LIMIT_PREFIX : POOL_PREFIX;
      throw new ConfigError(
        `${variable} is not a setting; the settings are ${[...known].filter((k) => k.startsWith(family)).join(', ')}`,
      );
    }
  }
  const parsed = parseEnv(isolationEnv, env, isPublicVariable) as Record<
    string,
    number | undefined
  >;
  const defaults = DEFAULT_ISOLATION;
  const limits = Object.fromEntries(
    LIMITED.map((name) => [
      name,
      parsed[`${RATE_LIMIT_PREFIX}${name}`] ?? defaults.rateLimits.limits[name],
    ]),
  ) as RateLimits;
  const heavyPool = Object.fromEntries(
    (Object.keys(POOL_VARIABLES) as (keyof HeavyPoolSettings)[]).map((key) => [
      key,
      parsed[POOL_VARIABLES[key]] ?? defaults.heavyPool[key],
    ]),
  ) as unknown as HeavyPoolSettings;
  if (heavyPool.perCaller > heavyPool.concurrency)
    throw new ConfigError(
      `HEAVY_POOL_PER_CALLER must be at most HEAVY_POOL_CONCURRENCY (${heavyPool.concurrency}); got "${heavyPool.perCaller}"`,
    );
  if (heavyPool.queuePerCaller > heavyPool.queue)
    throw new ConfigError(
      `HEAVY_POOL_QUEUE_PER_CALLER must be at most HEAVY_POOL_QUEUE (${heavyPool.queue}); got "${heavyPool.queuePerCaller}"`,
    );
  return {
    rateLimits: {
      windowSeconds: parsed.RATE_LIMIT_WINDOW_S ?? defaults.rateLimits.windowSeconds,
      limits,
    },
    heavyPool,
  };
}
