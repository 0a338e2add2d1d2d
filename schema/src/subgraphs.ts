/** The four agency subgraphs, their local ports and the database each owns. */
export const SUBGRAPHS = [
  { name: 'migration', agency: 'State Migration Service', port: 4001 },
  { name: 'labour', agency: 'Ministry of Labour, Social Security and Migration', port: 4002 },
  { name: 'health', agency: 'Ministry of Health', port: 4003 },
  { name: 'pensions', agency: 'Social Fund', port: 4004 },
] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];

export function localSubgraphUrl(port: number, host = '127.0.0.1'): string {
  return `http://${host}:${port}/graphql`;
}

/** The environment variable that overrides a subgraph's URL at the gateway. */
export function subgraphUrlVariable(name: string): string {
  return `SUBGRAPH_URL_${name.toUpperCase()}`;
}

/**
 * Where the pensions subgraph receives the gateway's refusals of unregistered partner operations,
 * for the Social Fund's audit: the one route besides /graphql the gateway calls on a subgraph.
 */
export const REFUSAL_AUDIT_PATH = '/audit/refusals';
