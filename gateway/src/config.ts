import { SUBGRAPHS, subgraphUrlVariable } from '@jol/schema';
import {
  accessFromEnv,
  ConfigError,
  isPublicVariable,
  listenSettings,
  parseEnv,
  readSetting,
} from '@jol/kernel';
import { z } from 'zod';
import { isolationSettingsFromEnv } from './isolation/settings';
import { guardSettingsFromEnv } from './resilience/settings';
import { subgraphUrlsFromEnv } from './supergraph';

/** Variable families with one variable per subgraph: a name outside the subgraphs is a typo. */
const PER_SUBGRAPH_PREFIXES = ['SUBGRAPH_URL_', 'SUBGRAPH_TIMEOUT_MS_'];

const subgraphUrl = z.preprocess(
  (value) => (value === '' ? undefined : value),
  z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
);

/**
 * The gateway's settings, all read and checked here before anything starts: PORT, HOST, each
 * `SUBGRAPH_URL_<NAME>` (an http(s) URL, for a subgraph that exists), the timeout, retry and
 * breaker settings, the rate limits and heavy-operation pool, and the access settings (signing keys, token keys, metrics bearer). The first
 * bad one throws a ConfigError naming the variable.
 */
export function gatewayConfigFromEnv(env: NodeJS.ProcessEnv = process.env) {
  const names = SUBGRAPHS.map((s) => s.name.toUpperCase());
  for (const variable of Object.keys(env)) {
    const prefix = PER_SUBGRAPH_PREFIXES.find((p) => variable.startsWith(p));
    if (prefix && !names.includes(variable.slice(prefix.length)))
      throw new ConfigError(
        `${variable} names no subgraph; the subgraphs are ${names.map((n) => prefix + n).join(', ')}`,
      );
  }
  const urls = z.object(
    Object.fromEntries(SUBGRAPHS.map(({ name }) => [subgraphUrlVariable(name), subgraphUrl])),
  );
  parseEnv(urls, env, isPublicVariable);
  const settings = parseEnv(listenSettings, env, isPublicVariable);
  return {
    port: settings.PORT ?? 4000,
    host: settings.HOST ?? '127.0.0.1',
    shutdown: { drainMs: settings.SHUTDOWN_DRAIN_MS, deadlineMs: settings.SHUTDOWN_TIMEOUT_MS },
    subgraphUrls: subgraphUrlsFromEnv(env),
    subgraphGuards: readSetting(() => guardSettingsFromEnv(env)),
    isolation: isolationSettingsFromEnv(env),
    access: readSetting(() => accessFromEnv(env)),
  };
}
