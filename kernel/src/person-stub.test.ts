import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { buildJolSubgraphSchema } from './build-subgraph-schema';
import { createPersonStub, type PersonStub } from './person-stub';

/** A subgraph of one agency field on Person, built from its stub. */
async function subgraphOf(
  stub: ReturnType<typeof createPersonStub>,
  field: string,
  requires: string,
) {
  @Resolver(() => stub.type)
  class PersonFieldResolver {
    @Directive(`@requires(fields: "${requires}")`)
    @FieldResolver(() => String, { nullable: true, name: field })
    value(@Root() person: PersonStub, @Ctx() _ctx: unknown): string {
      return person.pin;
    }
  }
  return buildJolSubgraphSchema({
    resolvers: [PersonFieldResolver],
    orphanedTypes: [...stub.types],
    referenceResolvers: stub.referenceResolvers,
  });
}

const personSdl = (sdl: string) => /type Person[^}]*}/.exec(sdl)![0];

describe('createPersonStub', () => {
  it('declares the key and the external home region, and the externals asked for', async () => {
    const labour = await subgraphOf(createPersonStub(), 'employment', 'homeRegion');
    const pensions = await subgraphOf(
      createPersonStub(['birthDate', 'sex']),
      'entitlement',
      'homeRegion birthDate sex',
    );
    expect(personSdl(printSchemaWithDirectives(labour))).toBe(
      'type Person @key(fields: "pin") {\n  pin: PIN!\n  homeRegion: Region @external\n  employment: String @requires(fields: "homeRegion")\n}',
    );
    expect(personSdl(printSchemaWithDirectives(pensions))).toBe(
      'type Person @key(fields: "pin") {\n  pin: PIN!\n  homeRegion: Region @external\n  birthDate: Date @external\n  sex: Sex @external\n  entitlement: String @requires(fields: "homeRegion birthDate sex")\n}',
    );
  });

  it('resolves a representation to what it carried of the fields the stub declares', () => {
    const resolve = (stub: ReturnType<typeof createPersonStub>) =>
      (stub.referenceResolvers.Person as { __resolveReference(r: object): unknown })
        .__resolveReference;
    const representation = {
      pin: '10503199012345',
      homeRegion: 'KG-O',
      birthDate: '1990-03-05',
      sex: 'MALE',
      name: 'not received',
    };
    expect(resolve(createPersonStub())(representation)).toEqual({
      pin: '10503199012345',
      homeRegion: 'KG-O',
    });
    expect(resolve(createPersonStub(['birthDate', 'sex']))(representation)).toEqual({
      pin: '10503199012345',
      homeRegion: 'KG-O',
      birthDate: '1990-03-05',
      sex: 'MALE',
    });
  });

  it('allows the key alone', () => {
    expect(createPersonStub().rules).toEqual([{ Person: { pin: expect.anything() } }]);
    expect(Object.keys((createPersonStub().rules[0] as { Person: object }).Person)).toEqual([
      'pin',
    ]);
  });
});
