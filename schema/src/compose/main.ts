import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SUBGRAPHS } from '../members';
import { localSubgraphUrl } from '../subgraphs';
import { composeGraph } from './compose';

// Reads each service's emitted schema.graphql and writes the committed schema/supergraph.graphql
// and the client-facing schema/api.graphql.
const root = resolve(__dirname, '..', '..', '..');
const { supergraphSdl: supergraph, apiSdl } = composeGraph(
  SUBGRAPHS.map((s) => ({
    name: s.name,
    url: localSubgraphUrl(s.port),
    sdl: readFileSync(join(root, 'services', s.name, 'schema.graphql'), 'utf8'),
  })),
);
writeFileSync(join(root, 'schema', 'supergraph.graphql'), `${supergraph.trim()}\n`);
writeFileSync(join(root, 'schema', 'api.graphql'), `${apiSdl.trim()}\n`);
console.log(
  `schema/supergraph.graphql and schema/api.graphql composed from ${SUBGRAPHS.map((s) => s.name).join(', ')}`,
);
