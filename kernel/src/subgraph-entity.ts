import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { IMiddleware } from 'graphql-middleware';
import type { Connection } from 'mongoose';
import type { AccessRules } from './access/shield';

/** A type-graphql class: a resolver, an object type. */
export type GraphQLClass = abstract new (...args: never[]) => object;

/**
 * What one entity folder contributes to its subgraph: its GraphQL classes, reference resolvers
 * and access rules. A subgraph is the list of its entities (see defineSubgraph).
 */
export interface SubgraphEntity<
  TModels extends object = object,
  TNeeds = unknown,
  TLoaders extends object = object,
> {
  /** type-graphql resolver classes. @default [] */
  resolvers?: readonly GraphQLClass[];
  /** Types no resolver reaches that must still be emitted (a stub entity). @default [] */
  types?: readonly GraphQLClass[];
  /** `__resolveReference` resolvers, keyed by type name. @default {} */
  referenceResolvers?: GraphQLResolverMap<unknown>;
  /** The entity's rule maps, merged under the subgraph's deny-by-default fallback. @default [] */
  rules?: readonly AccessRules[];
  /** Field middlewares that mask values. @default [] */
  masks?: readonly IMiddleware[];
  /** The entity's models, bound to the subgraph's own database. @default none */
  models?: (connection: Connection) => TModels;
  /**
   * The entity's loaders, made for each request from the subgraph's models (every entity's, so
   * that one entity's loader may read another's model). @default none
   */
  loaders?: (models: TNeeds) => TLoaders;
}

/** An entity, its models' and loaders' types inferred from its factories. */
export function defineEntity<
  TModels extends object = object,
  TNeeds = unknown,
  TLoaders extends object = object,
>(entity: SubgraphEntity<TModels, TNeeds, TLoaders>): SubgraphEntity<TModels, TNeeds, TLoaders> {
  return entity;
}
