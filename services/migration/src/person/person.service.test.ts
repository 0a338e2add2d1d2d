import type { Connection } from 'mongoose';
import {
  callerAs,
  callerWithPurpose,
  dropTestDatabase,
  execute,
  openTestDatabase,
  prepareTestDatabase,
  quietLogger,
  testAccess,
} from '@jol/testkit/service';
import { createMigrationServer } from '../server';

const REGISTER = /* GraphQL */ `
  mutation Register($input: RegisterPersonInput!) {
    registerPerson(input: $input) {
      pin
      status
      homeRegion
      birthDate
    }
  }
`;

export const aisuluu = {
  pin: '10503199012345',
  nameCyrillic: { last: 'Асанова', first: 'Айсулуу', patronymic: 'Бакытовна' },
  nameLatin: { last: 'Asanova', first: 'Aisuluu' },
  birthDate: '1990-03-05',
  sex: 'FEMALE',
  homeRegion: 'KG-O',
  russianProficiency: 'GOOD',
};

describe('migration: persons', () => {
  let connection: Connection;
  let server: Awaited<ReturnType<typeof createMigrationServer>>;

  beforeAll(async () => {
    connection = await openTestDatabase('migration');
    server = await createMigrationServer({ connection, log: quietLogger(), access: testAccess() });
    await prepareTestDatabase(connection);
  });
  afterAll(async () => {
    await server.apollo.stop();
    await dropTestDatabase(connection);
  });

  it('registers a person once and refuses the same PIN again with CONFLICT', async () => {
    const first = await execute(server, REGISTER, { input: aisuluu });
    expect(first.errors).toBeUndefined();
    expect(first.data?.registerPerson).toEqual({
      pin: aisuluu.pin,
      status: 'NEVER_LEFT',
      homeRegion: 'KG-O',
      birthDate: '1990-03-05',
    });

    const again = await execute(server, REGISTER, {
      input: { ...aisuluu, nameLatin: { last: 'Other', first: 'Name' } },
    });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(again.errors?.[0]?.message).toContain(aisuluu.pin);
    const stored = await connection.collection('persons').find({ pin: aisuluu.pin }).toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.nameLatin.last).toBe('Asanova');
  });

  it.each([
    ['too short', '1050319901234'],
    ['starts with 3', '30503199012345'],
    ['not a calendar date', '13102199012345'],
    ['letters', '1050319901234X'],
  ])(
    'rejects an invalid PIN (%s) with BAD_USER_INPUT naming the field and value',
    async (_why, pin) => {
      const result = await execute(server, REGISTER, { input: { ...aisuluu, pin } });
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toContain(pin);
      expect(await connection.collection('persons').countDocuments({ pin })).toBe(0);
    },
  );

  it('rejects a JSON object sent as a PIN variable before any resolver runs', async () => {
    const result = await execute(server, 'query ($pin: PIN!) { person(pin: $pin) { pin } }', {
      pin: { $ne: null },
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.data).toBeUndefined();
  });

  it('reports an invalid PIN literal inside the query as BAD_USER_INPUT too', async () => {
    const result = await execute(server, '{ person(pin: "12345") { pin } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain('"12345"');
  });

  it('rejects an unknown home region, a future birth date and a name in the wrong script', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ homeRegion: 'KG-X' }, 'KG-X'],
      [{ birthDate: '2999-01-01' }, '2999-01-01'],
      [{ nameCyrillic: { last: 'Asanova', first: 'Aisuluu' } }, 'Asanova'],
    ];
    for (const [change, offending] of cases) {
      const result = await execute(server, REGISTER, {
        input: { ...aisuluu, pin: '10101199000001', ...change },
      });
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toContain(offending);
    }
    expect(await connection.collection('persons').countDocuments({ pin: '10101199000001' })).toBe(
      0,
    );
  });

  it('resolves Person through _entities, null for an unknown PIN', async () => {
    const result = await execute(
      server,
      `query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Person { pin homeRegion } } }`,
      {
        reps: [
          { __typename: 'Person', pin: aisuluu.pin },
          { __typename: 'Person', pin: '20101199099999' },
        ],
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([{ pin: aisuluu.pin, homeRegion: 'KG-O' }, null]);
  });

  it('pages through persons by PIN with a filter', async () => {
    for (const pin of ['20101199500001', '20101199500002', '20101199500003']) {
      const r = await execute(server, REGISTER, {
        input: { ...aisuluu, pin, sex: 'MALE', homeRegion: 'KG-B' },
      });
      expect(r.errors).toBeUndefined();
    }
    const PAGE = `query ($after: String) { persons(first: 2, after: $after, filter: { region: "KG-B", sex: MALE }) {
      edges { node { pin } } pageInfo { hasNextPage endCursor } } }`;
    const one = await execute(server, PAGE);
    expect(one.data?.persons.edges.map((e: { node: { pin: string } }) => e.node.pin)).toEqual([
      '20101199500001',
      '20101199500002',
    ]);
    expect(one.data?.persons.pageInfo.hasNextPage).toBe(true);
    const two = await execute(server, PAGE, { after: one.data?.persons.pageInfo.endCursor });
    expect(two.data?.persons.edges.map((e: { node: { pin: string } }) => e.node.pin)).toEqual([
      '20101199500003',
    ]);
    expect(two.data?.persons.pageInfo.hasNextPage).toBe(false);

    const forged = await execute(server, PAGE, { after: 'not-a-cursor' });
    expect(forged.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  describe('a filter is a read of the data class it selects by', () => {
    const pinsOf = (
      data: { persons?: { edges?: { node: { pin: string } }[] } } | null | undefined,
    ) => (data?.persons?.edges ?? []).map((e: { node: { pin: string } }) => e.node.pin);
    const LIST = `query ($filter: PersonFilter) { persons(first: 50, filter: $filter) {
      edges { node { pin } } } }`;
    const osh = { ...aisuluu, pin: '10101199600001', homeRegion: 'KG-O', sex: 'MALE' };
    const naryn = { ...aisuluu, pin: '10101199600002', homeRegion: 'KG-N', sex: 'MALE' };

    beforeAll(async () => {
      for (const input of [osh, naryn])
        expect((await execute(server, REGISTER, { input })).errors).toBeUndefined();
    });

    it.each([
      [
        'a labour officer by status',
        callerAs('LABOUR_OFFICER'),
        { status: 'NEVER_LEFT' },
        'PersonFilter.status',
      ],
      [
        'a health officer by status',
        callerAs('HEALTH_OFFICER'),
        { status: 'ABROAD' },
        'PersonFilter.status',
      ],
      [
        'a labour officer by status, with a region',
        callerAs('LABOUR_OFFICER'),
        { region: 'KG-O', status: 'NEVER_LEFT' },
        'PersonFilter.status',
      ],
      [
        'a health officer for public health (no identity, so no list, for that purpose)',
        callerWithPurpose('HEALTH_OFFICER', 'PUBLIC_HEALTH'),
        { destination: 'RU' },
        'Query.persons',
      ],
    ])(
      'refuses %s: FORBIDDEN naming what was refused, no list',
      async (_who, as, filter, named) => {
        const result = await execute(server, LIST, { filter }, as);
        expect(result.data).toBeNull();
        expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(result.errors?.[0]?.message).toContain(named);
      },
    );

    it.each([
      ['a migration officer by status', callerAs('MIGRATION_OFFICER'), { status: 'NEVER_LEFT' }],
      ['a labour officer by sex and region', callerAs('LABOUR_OFFICER'), { sex: 'MALE' }],
      ['a health officer by destination', callerAs('HEALTH_OFFICER'), { destination: 'RU' }],
    ])('lets %s list', async (_who, as, filter) => {
      const result = await execute(server, LIST, { filter }, as);
      expect(result.errors).toBeUndefined();
      const expected = 'destination' in filter ? [] : [osh.pin, naryn.pin];
      expect(pinsOf(result.data).filter((p: string) => p.startsWith('101011996'))).toEqual(
        expected,
      );
    });

    it('limits a region-scoped officer to the region without a region criterion, refuses another', async () => {
      const scoped = callerAs('LABOUR_OFFICER', { region: 'KG-N' });
      const all = await execute(server, LIST, { filter: { sex: 'MALE' } }, scoped);
      expect(all.errors).toBeUndefined();
      expect(pinsOf(all.data)).toContain(naryn.pin);
      expect(pinsOf(all.data)).not.toContain(osh.pin);
      const none = await execute(server, LIST, {}, scoped);
      expect(pinsOf(none.data)).toEqual([naryn.pin]);
      const other = await execute(server, LIST, { filter: { region: 'KG-O' } }, scoped);
      expect(other.data).toBeNull();
      expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });
});
