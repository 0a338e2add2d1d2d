import { SUBGRAPHS } from '@jol/schema';
import { DEFAULT_GUARD, type SubgraphGuardOptions } from './subgraph-guard';

/** The environment variable of each guard setting; a timeout may also be set per subgraph. */
const VARIABLES: Record<keyof SubgraphGuardOptions, string> = {
  timeoutMs: 'SUBGRAPH_TIMEOUT_MS',
  maxAttempts: 'SUBGRAPH_MAX_ATTEMPTS',
  backoffMs: 'SUBGRAPH_RETRY_BACKOFF_MS',
  errorThresholdPercentage: 'SUBGRAPH_BREAKER_ERROR_PERCENT',
  volumeThreshold: 'SUBGRAPH_BREAKER_VOLUME',
  resetTimeoutMs: 'SUBGRAPH_BREAKER_RESET_MS',
  rollingWindowMs: 'SUBGRAPH_BREAKER_WINDOW_MS',
};

const LIMITS: Record<keyof SubgraphGuardOptions, { min: number; max: number }> = {
  timeoutMs: { min: 1, max: 600_000 },
  maxAttempts: { min: 1, max: 10 },
  backoffMs: { min: 0, max: 60_000 },
  errorThresholdPercentage: { min: 1, max: 100 },
  volumeThreshold: { min: 0, max: 100_000 },
  resetTimeoutMs: { min: 1, max: 3_600_000 },
  rollingWindowMs: { min: 100, max: 3_600_000 },
};

function integerFrom(env: NodeJS.ProcessEnv, variable: string, min: number, max: number) {
  const text = env[variable];
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min || value > max)
    throw new Error(`${variable} must be a whole number from ${min} to ${max}; got "${text}"`);
  return value;
}

/**
 * Each subgraph's timeout, retry and breaker settings from the environment: the shared
 * `SUBGRAPH_*` settings, and `SUBGRAPH_TIMEOUT_MS_<NAME>` for one agency's timeout. A value that
 * is not a whole number in range throws, naming the variable.
 */
export function guardSettingsFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): Record<string, SubgraphGuardOptions> {
  const shared: SubgraphGuardOptions = {};
  for (const key of Object.keys(VARIABLES) as (keyof SubgraphGuardOptions)[]) {
    const value = integerFrom(env, VARIABLES[key], LIMITS[key].min, LIMITS[key].max);
    if (value !== undefined) shared[key] = value;
  }
  const settings: Record<string, SubgraphGuardOptions> = {};
  for (const { name } of SUBGRAPHS) {
    const variable = `${VARIABLES.timeoutMs}_${name.toUpperCase()}`;
    const timeoutMs = integerFrom(env, variable, LIMITS.timeoutMs.min, LIMITS.timeoutMs.max);
    settings[name] = timeoutMs === undefined ? { ...shared } : { ...shared, timeoutMs };
  }
  return settings;
}

export { DEFAULT_GUARD };
