import 'reflect-metadata';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { mergeResolvers } from '@graphql-tools/merge';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { buildSchema, createResolversMap } from 'type-graphql';
import { guardFreeText } from './free-text';
import { DateScalar } from './scalars/date';
import type { GraphQLClass } from './subgraph-entity';

/** The Federation 2 directives a Jol subgraph may use. */
const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@inaccessible"])';

export interface SubgraphSchemaOptions<TContext> {
  /** type-graphql resolver classes of the subgraph; at least one. */
  resolvers: readonly GraphQLClass[];
  /** Types not reachable from any resolver that must still be emitted. @default [] */
  orphanedTypes?: readonly GraphQLClass[];
  /** `__resolveReference` (and other hand-written) resolvers, keyed by type name. */
  referenceResolvers?: GraphQLResolverMap<TContext>;
}

/**
 * Turns type-graphql classes into a Federation 2 subgraph schema: type-graphql emits the types and
 * directives, @apollo/subgraph adds `_service`, `_entities` and the reference resolvers. Every
 * Jol subgraph is built here and nowhere else, so every String input it takes refuses control
 * characters (guardFreeText).
 */
export async function buildJolSubgraphSchema<TContext>(
  options: SubgraphSchemaOptions<TContext>,
): Promise<GraphQLSchema> {
  const [first, ...rest] = options.resolvers;
  if (!first) throw new Error('a subgraph needs at least one resolver');
  const classSchema = await buildSchema({
    resolvers: [first, ...rest],
    orphanedTypes: [...(options.orphanedTypes ?? [])],
    scalarsMap: [{ type: Date, scalar: DateScalar }],
    validate: false,
    skipCheck: true,
  });
  const typeDefs = gql(`${FEDERATION_LINK}\n${printSchemaWithDirectives(classSchema)}`);
  const resolvers = mergeResolvers([
    createResolversMap(classSchema) as GraphQLResolverMap<TContext>,
    (options.referenceResolvers ?? {}) as GraphQLResolverMap<TContext>,
  ]) as GraphQLResolverMap<TContext>;
  return guardFreeText(
    buildSubgraphSchema({ typeDefs, resolvers: resolvers as GraphQLResolverMap<unknown> }),
  );
}
