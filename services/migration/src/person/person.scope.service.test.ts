import { callerAs, execute, useTestSubgraph } from '@jol/testkit/service';
import { createMigrationServer } from '../server';

const REGISTER = /* GraphQL */ `
  mutation Register($input: RegisterPersonInput!) {
    registerPerson(input: $input) {
      pin
    }
  }
`;
const ENTITIES = /* GraphQL */ `
  query ($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Person {
        pin
        homeRegion
        birthDate
      }
    }
  }
`;
const UNKNOWN = '10101199900099';
const aisuluu = {
  pin: '10503199012345',
  nameCyrillic: { last: 'Асанова', first: 'Айсулуу' },
  nameLatin: { last: 'Asanova', first: 'Aisuluu' },
  birthDate: '1990-03-05',
  sex: 'FEMALE',
  homeRegion: 'KG-O',
  russianProficiency: 'GOOD',
};

describe('migration: region scope of persons, read and written', () => {
  const subgraph = useTestSubgraph('migration', createMigrationServer);
  const persons = () => subgraph.connection.collection('persons').find().toArray();
  const jalalAbad = callerAs('MIGRATION_OFFICER', { region: 'KG-J' });

  beforeAll(async () => {
    const registered = await execute(subgraph.server, REGISTER, { input: aisuluu });
    expect(registered.errors).toBeUndefined();
  });

  it('answers _entities the same for an unknown PIN and a person of another region', async () => {
    const answer = async (pin: string) =>
      execute(subgraph.server, ENTITIES, { reps: [{ __typename: 'Person', pin }] }, jalalAbad);
    const outside = await answer(aisuluu.pin);
    const unknown = await answer(UNKNOWN);
    expect(outside.data?._entities).toEqual([
      { pin: aisuluu.pin, homeRegion: null, birthDate: null },
    ]);
    expect(unknown.data?._entities).toEqual([{ pin: UNKNOWN, homeRegion: null, birthDate: null }]);
    const shape = (r: typeof outside) =>
      r.errors?.map((e) => [e.message, e.extensions?.code, e.path?.slice(2)]);
    expect(shape(unknown)).toEqual(shape(outside));
    expect(outside.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('keeps _entities null for an unknown PIN to an officer without a region', async () => {
    const result = await execute(subgraph.server, ENTITIES, {
      reps: [{ __typename: 'Person', pin: UNKNOWN }],
    });
    expect(result.data?._entities).toEqual([null]);
  });

  it('lets a region-scoped officer register persons of their own region only', async () => {
    const before = await persons();
    const elsewhere = await execute(
      subgraph.server,
      REGISTER,
      { input: { ...aisuluu, pin: UNKNOWN, homeRegion: 'KG-O' } },
      jalalAbad,
    );
    const existing = await execute(
      subgraph.server,
      REGISTER,
      { input: { ...aisuluu, homeRegion: 'KG-J' } },
      jalalAbad,
    );
    expect(elsewhere.errors?.[0]).toMatchObject({
      message: 'Outside your region: Mutation.registerPerson',
      extensions: { code: 'FORBIDDEN' },
    });
    expect(existing.errors).toEqual(elsewhere.errors);
    expect(await persons()).toEqual(before);
    const own = await execute(
      subgraph.server,
      REGISTER,
      { input: { ...aisuluu, pin: UNKNOWN, homeRegion: 'KG-J' } },
      jalalAbad,
    );
    expect(own.errors).toBeUndefined();
  });
});
