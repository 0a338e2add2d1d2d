export function localSubgraphUrl(port: number, host = '127.0.0.1'): string {
  return `http://${host}:${port}/graphql`;
}

/** The environment variable that overrides a subgraph's URL at the gateway. */
export function subgraphUrlVariable(name: string): string {
  return `SUBGRAPH_URL_${name.toUpperCase()}`;
}
