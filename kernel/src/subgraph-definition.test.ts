import type { GraphQLObjectType } from 'graphql';
import mongoose from 'mongoose';
import { Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import { allow } from './access/shield';
import { defineSubgraph } from './subgraph-definition';
import { defineEntity } from './subgraph-entity';

@ObjectType()
class Boat {
  @Field(() => String)
  name!: string;
}

@Resolver(() => Boat)
class BoatResolver {
  @Query(() => [Boat])
  boats(@Ctx() _ctx: unknown): Boat[] {
    return [];
  }
}

const mask = { Boat: { name: async (resolve: () => Promise<unknown>) => resolve() } };
const boatEntity = defineEntity({
  resolvers: [BoatResolver],
  rules: [{ Query: { boats: allow }, Boat: { name: allow } }],
  masks: [mask],
  models: (connection) => ({
    Boat: connection.model('Boat', new mongoose.Schema({ name: String })),
  }),
  // Reads a model of another entity: loaders get the subgraph's models, not only their own.
  loaders: (models: { Boat: unknown; Harbour: string }) => ({
    boatsByHarbour: `${models.Harbour} boats`,
  }),
});
const harbourEntity = defineEntity({
  models: () => ({ Harbour: 'Bishkek' }),
  loaders: () => ({ harbour: 'a loader' }),
});

describe('defineSubgraph', () => {
  const connection = mongoose.createConnection();
  afterAll(() => connection.close());

  it('gathers every entity models and the kernel ones, and every entity loaders', () => {
    const subgraph = defineSubgraph({ name: 'labour', entities: [boatEntity, harbourEntity] });
    const models = subgraph.createModels(connection);
    expect(Object.keys(models).sort()).toEqual(
      ['AuditEvent', 'Boat', 'Harbour', 'RecordVersion', 'connection'].sort(),
    );
    expect(models.connection).toBe(connection);
    expect(subgraph.createLoaders(models)).toEqual({
      boatsByHarbour: 'Bishkek boats',
      harbour: 'a loader',
    });
  });

  it('gathers the rules and masks, with the kernel rules, and change events only when asked', async () => {
    const plain = defineSubgraph({ name: 'labour', entities: [boatEntity] });
    const types = (rules: object[]) => rules.flatMap((map) => Object.keys(map));
    expect(types(plain.rules)).toEqual(['Supersession', 'Query', 'Boat']);
    expect(plain.masks).toEqual([mask]);
    const emitting = defineSubgraph({ name: 'health', entities: [boatEntity], changeEvents: true });
    expect(emitting.changeEvents).toBe(true);
    expect(types(emitting.rules)).toEqual(
      expect.arrayContaining(['Supersession', 'Query', 'Mutation', 'Boat']),
    );
    const own = mongoose.createConnection();
    expect(Object.keys(emitting.createModels(own))).toEqual(
      expect.arrayContaining(['ChangeEvent', 'EventSubscription', 'Boat']),
    );
    await own.close();
  });

  it('builds one schema of every entity class', async () => {
    const schema = await defineSubgraph({
      name: 'pensions',
      entities: [boatEntity, harbourEntity],
      changeEvents: true,
    }).createSchema();
    const query = Object.keys((schema.getQueryType() as GraphQLObjectType).getFields());
    expect(query).toEqual(
      expect.arrayContaining(['boats', 'pensionsEventSubscriptions', '_service']),
    );
  });
});
