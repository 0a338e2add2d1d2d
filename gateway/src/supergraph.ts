import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SUBGRAPHS, subgraphUrlVariable } from '@jol/schema';

/** The committed supergraph of @jol/schema, unless `SUPERGRAPH_PATH` names another file. */
export function supergraphPath(env: NodeJS.ProcessEnv = process.env): string {
  return (
    env.SUPERGRAPH_PATH ??
    join(dirname(require.resolve('@jol/schema/package.json')), 'supergraph.graphql')
  );
}

export function loadSupergraph(path = supergraphPath()): string {
  return readFileSync(path, 'utf8');
}

/** Per-subgraph URL overrides from `SUBGRAPH_URL_<NAME>` (containers name hosts differently). */
export function subgraphUrlsFromEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const { name } of SUBGRAPHS) {
    const url = env[subgraphUrlVariable(name)];
    if (url) urls[name] = url;
  }
  return urls;
}
