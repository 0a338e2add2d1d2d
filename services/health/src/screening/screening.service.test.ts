import type { Connection } from 'mongoose';
import {
  dropTestDatabase,
  execute,
  openTestDatabase,
  prepareTestDatabase,
  quietLogger,
} from '@jol/schema/testing';
import { createHealthServer } from '../server';

const RECORD = /* GraphQL */ `
  mutation Record($input: RecordScreeningInput!) {
    recordScreening(input: $input) {
      id
      pin
      kind
      result
      screenedOn
      facility
    }
  }
`;

const ENTITIES = /* GraphQL */ `
  query ($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Person {
        pin
        screenings {
          kind
          result
          screenedOn
          facility
        }
      }
    }
  }
`;

const screening = {
  pin: '20711198800017',
  kind: 'TB',
  result: 'NEGATIVE',
  screenedOn: '2023-04-02',
  facility: 'Osh Regional TB Centre',
};

describe('health: screenings', () => {
  let connection: Connection;
  let server: Awaited<ReturnType<typeof createHealthServer>>;
  const stored = (pin: string) =>
    connection.collection('health_screenings').countDocuments({ pin });

  beforeAll(async () => {
    connection = await openTestDatabase('health');
    server = await createHealthServer({ connection, log: quietLogger() });
    await prepareTestDatabase(connection);
  });
  afterAll(async () => {
    await server.apollo.stop();
    await dropTestDatabase(connection);
  });

  it('records a screening with the facility name trimmed', async () => {
    const result = await execute(server, RECORD, {
      input: { ...screening, facility: '  Osh Regional TB Centre ' },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.recordScreening).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      ...screening,
    });
    const [doc] = await connection
      .collection('health_screenings')
      .find({ pin: screening.pin })
      .toArray();
    expect(doc!.facility).toBe('Osh Regional TB Centre');
    expect(doc!.screenedOn).toEqual(new Date('2023-04-02T00:00:00Z'));
  });

  it.each([
    ['a future date', { screenedOn: '2999-01-01' }, 'screenedOn', '2999-01-01'],
    [
      'a date that is not a calendar date',
      { screenedOn: '2023-02-30' },
      'screenedOn',
      '2023-02-30',
    ],
    ['an empty facility', { facility: '   ' }, 'facility', '"   "'],
    ['a facility of 151 characters', { facility: 'F'.repeat(151) }, 'facility', 'FFFFFFFF'],
    ['a malformed PIN', { pin: '3071119880001' }, 'pin', '3071119880001'],
  ])(
    'refuses %s with BAD_USER_INPUT and writes nothing',
    async (_why, change, field, offending) => {
      const pin = '10202199100001';
      const result = await execute(server, RECORD, { input: { ...screening, pin, ...change } });
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).toContain(field);
      expect(result.errors?.[0]?.message).toContain(offending);
      expect(result.data ?? null).toBeNull();
      expect(await stored(pin)).toBe(0);
      expect(await stored((change as { pin?: string }).pin ?? pin)).toBe(0);
    },
  );

  it('refuses a kind outside the enum before any resolver runs', async () => {
    const pin = '10202199100002';
    const result = await execute(server, RECORD, { input: { ...screening, pin, kind: 'COVID' } });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toContain('COVID');
    expect(await stored(pin)).toBe(0);
  });

  it('lists screenings on Person through _entities, newest first, and [] for a PIN with none', async () => {
    const pin = '10909199500042';
    for (const [screenedOn, kind, result] of [
      ['2021-05-10', 'GENERAL', 'NEGATIVE'],
      ['2024-01-20', 'TB', 'POSITIVE'],
      ['2022-11-03', 'HIV', 'INCONCLUSIVE'],
    ]) {
      const r = await execute(server, RECORD, {
        input: { pin, kind, result, screenedOn, facility: 'Batken FMC' },
      });
      expect(r.errors).toBeUndefined();
    }
    const result = await execute(server, ENTITIES, {
      reps: [
        { __typename: 'Person', pin },
        { __typename: 'Person', pin: '20101199099999' },
      ],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      {
        pin,
        screenings: [
          { kind: 'TB', result: 'POSITIVE', screenedOn: '2024-01-20', facility: 'Batken FMC' },
          { kind: 'HIV', result: 'INCONCLUSIVE', screenedOn: '2022-11-03', facility: 'Batken FMC' },
          { kind: 'GENERAL', result: 'NEGATIVE', screenedOn: '2021-05-10', facility: 'Batken FMC' },
        ],
      },
      { pin: '20101199099999', screenings: [] },
    ]);
  });

  it('reads the screenings of every representation in one query, however many repeat', async () => {
    const { models } = server.createContext();
    const find = jest.spyOn(models.HealthScreening, 'find');
    try {
      const pins = [
        '10909199500042',
        '20101199099999',
        '10909199500042',
        '20711198800017',
        '10909199500042',
      ];
      const result = await execute(server, ENTITIES, {
        reps: pins.map((pin) => ({ __typename: 'Person', pin })),
      });
      expect(result.errors).toBeUndefined();
      expect(
        result.data?._entities.map((p: { screenings: unknown[] }) => p.screenings.length),
      ).toEqual([3, 0, 3, 1, 3]);
      expect(find).toHaveBeenCalledTimes(1);
    } finally {
      find.mockRestore();
    }
  });
});
