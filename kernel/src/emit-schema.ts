import { writeFileSync } from 'node:fs';
import { printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLSchema } from 'graphql';

/** Writes a subgraph's SDL (with federation directives) to its committed schema.graphql. */
export function emitSubgraphSchema(build: () => Promise<GraphQLSchema>, path: string): void {
  build().then(
    (schema) => writeFileSync(path, `${printSubgraphSchema(schema).trim()}\n`),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
