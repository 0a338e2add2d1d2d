import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { GraphQLSchema } from 'graphql';
import type { IMiddleware } from 'graphql-middleware';
import type { Connection } from 'mongoose';
import type { Agency } from '@jol/schema';
import type { AccessRules } from './access/shield';
import { createAuditEventModel, type AuditEventModel } from './audit/audit-event.model';
import { buildJolSubgraphSchema } from './build-subgraph-schema';
import {
  createChangeEventModels,
  type ChangeEventModels,
} from './change-events/change-event.model';
import { createChangeEventResolvers } from './change-events/change-events.resolver';
import { changeEventRules } from './change-events/change-events.rules';
import {
  createRecordVersionModel,
  type RecordVersionModel,
} from './corrections/record-version.model';
import { supersessionRules } from './corrections/record-version.type';
import type { GraphQLClass, SubgraphEntity } from './subgraph-entity';

/* eslint-disable @typescript-eslint/no-explicit-any -- an entity's own types are inferred apart */
type AnyEntity = SubgraphEntity<any, any, any>;

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (
  i: infer I,
) => void
  ? I
  : never;
type EntityModels<E> = E extends SubgraphEntity<infer M, any, any> ? M : never;
type EntityLoaders<E> = E extends SubgraphEntity<any, any, infer L> ? L : never;
/* eslint-enable @typescript-eslint/no-explicit-any */

/** What every subgraph stores besides its entities: its database, the audit and the versions. */
export interface KernelModels {
  connection: Connection;
  AuditEvent: AuditEventModel;
  RecordVersion: RecordVersionModel;
}

/** The models of a subgraph: the kernel's (change events' if it records them) and every entity's. */
export type ModelsOf<E extends readonly AnyEntity[], C extends boolean = false> = KernelModels &
  (C extends true ? ChangeEventModels : unknown) &
  UnionToIntersection<EntityModels<E[number]>>;
/** The loaders of one request: every entity's. */
export type LoadersOf<E extends readonly AnyEntity[]> = UnionToIntersection<
  EntityLoaders<E[number]>
>;

export interface SubgraphDefinitionOptions<E extends readonly AnyEntity[], C extends boolean> {
  /** The subgraph's name, as in the supergraph. */
  name: Agency;
  /** Its entity folders' `entity` objects; each is listed once, here. */
  entities: E;
  /**
   * The subgraph records change events: the webhook API, its rules and its models are added
   * (see createSubgraphServer's `changeEvents`). @default false
   */
  changeEvents?: C;
}

export interface SubgraphDefinition<TModels, TLoaders> {
  name: Agency;
  changeEvents: boolean;
  /** The unshielded schema of every entity's classes and reference resolvers. */
  createSchema(): Promise<GraphQLSchema>;
  /** Every entity's rule maps. */
  rules: AccessRules[];
  masks: IMiddleware[];
  createModels(connection: Connection): TModels;
  /** One set per request: loaders cache for the request's lifetime only. */
  createLoaders(models: TModels): TLoaders;
}

/**
 * A subgraph as the list of its entities: the schema's classes, the rules, the models and the
 * loaders are gathered from them, so that an entity is added in one place. The kernel's own
 * parts (audit, record versions, change events) are added here.
 */
export function defineSubgraph<const E extends readonly AnyEntity[], C extends boolean = false>(
  options: SubgraphDefinitionOptions<E, C>,
): SubgraphDefinition<ModelsOf<E, C>, LoadersOf<E>> {
  const { name, changeEvents = false } = options;
  const kernel: AnyEntity[] = [
    {
      models: (connection: Connection) => ({
        connection,
        AuditEvent: createAuditEventModel(connection),
        RecordVersion: createRecordVersionModel(connection),
      }),
      rules: [supersessionRules],
    },
  ];
  if (changeEvents) {
    kernel.push({
      resolvers: createChangeEventResolvers(name).resolvers,
      models: createChangeEventModels,
      rules: [changeEventRules(name)],
    });
  }
  const entities: readonly AnyEntity[] = [...kernel, ...options.entities];
  const all = <T>(pick: (entity: AnyEntity) => readonly T[] | undefined): T[] =>
    entities.flatMap((entity) => pick(entity) ?? []);
  return {
    name,
    changeEvents,
    createSchema: () =>
      buildJolSubgraphSchema({
        resolvers: all<GraphQLClass>((e) => e.resolvers),
        orphanedTypes: all<GraphQLClass>((e) => e.types),
        referenceResolvers: Object.assign(
          {},
          ...entities.map((e) => e.referenceResolvers ?? {}),
        ) as GraphQLResolverMap<unknown>,
      }),
    rules: all((e) => e.rules),
    masks: all((e) => e.masks),
    createModels: (connection) =>
      Object.assign({}, ...entities.map((e) => e.models?.(connection) ?? {})) as ModelsOf<E, C>,
    createLoaders: (models) =>
      Object.assign({}, ...entities.map((e) => e.loaders?.(models) ?? {})) as LoadersOf<E>,
  };
}
