import { composeServices } from '@apollo/composition';
import { lexicographicSortSchema, parse, printSchema } from 'graphql';

export interface SubgraphSource {
  name: string;
  url: string;
  sdl: string;
}

/**
 * Composes subgraph SDLs into a supergraph with @apollo/composition, the same library the
 * gateway's query planner is built on. Throws with every composition error listed.
 */
export function composeSupergraph(subgraphs: SubgraphSource[]): string {
  return composeGraph(subgraphs).supergraphSdl;
}

/**
 * The supergraph and its API schema: what clients see of the graph, without the federation's
 * join and link machinery, sorted so that its diff shows only real changes. Agency systems
 * generate their types from the API schema (GraphQL Code Generator, see client/).
 */
export function composeGraph(subgraphs: SubgraphSource[]): {
  supergraphSdl: string;
  apiSdl: string;
} {
  const result = composeServices(
    subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) })),
  );
  if (result.errors) {
    throw new Error(
      `Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`,
    );
  }
  const api = lexicographicSortSchema(result.schema.toAPISchema().toGraphQLJSSchema());
  return { supergraphSdl: result.supergraphSdl, apiSdl: printSchema(api) };
}
