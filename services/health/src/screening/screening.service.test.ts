import type { Connection } from 'mongoose';
import {
  callerAs,
  dropTestDatabase,
  execute,
  openTestDatabase,
  prepareTestDatabase,
  quietLogger,
  testAccess,
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
    server = await createHealthServer({ connection, log: quietLogger(), access: testAccess() });
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
  describe('access', () => {
    const pin = '10404198600044';
    const homeRegion = 'KG-O';
    const rep = { __typename: 'Person', pin, homeRegion };
    const audit = (requestId: string) =>
      connection.collection('audit_events').find({ requestId }).toArray();

    beforeAll(async () => {
      const r = await execute(server, RECORD, { input: { ...screening, pin } });
      expect(r.errors).toBeUndefined();
    });

    it.each([
      ['an analyst', 'FORBIDDEN', callerAs('ANALYST')],
      ['a partner institution', 'FORBIDDEN', callerAs('PARTNER')],
      ['a labour officer', 'FORBIDDEN', callerAs('LABOUR_OFFICER')],
      ['a migration officer', 'FORBIDDEN', callerAs('MIGRATION_OFFICER')],
      [
        'the data subject of another PIN',
        'FORBIDDEN',
        callerAs('DATA_SUBJECT', { pin: '20101199099999' }),
      ],
      [
        'a health officer of another region',
        'FORBIDDEN',
        callerAs('HEALTH_OFFICER', { region: 'KG-B' }),
      ],
      [
        'a health officer declaring a purpose not his',
        'FORBIDDEN',
        { ...callerAs('HEALTH_OFFICER'), purpose: 'EMPLOYMENT_SERVICES' },
      ],
      [
        'a health officer declaring no purpose',
        'FORBIDDEN',
        { ...callerAs('HEALTH_OFFICER'), purpose: null },
      ],
      ['an anonymous caller', 'UNAUTHENTICATED', { caller: null, purpose: null }],
    ])('_entities is no side door: %s gets null and %s', async (_who, code, as) => {
      const result = await execute(server, ENTITIES, { reps: [rep] }, as);
      expect(result.data?._entities).toEqual([{ pin, screenings: null }]);
      expect(result.errors?.[0]?.extensions?.code).toBe(code);
      expect(result.errors?.[0]?.path).toEqual(['_entities', 0, 'screenings']);
    });

    it('refuses a region-scoped health officer when the representation has no home region', async () => {
      const result = await execute(
        server,
        ENTITIES,
        { reps: [{ __typename: 'Person', pin }] },
        callerAs('HEALTH_OFFICER', { region: homeRegion }),
      );
      expect(result.data?._entities).toEqual([{ pin, screenings: null }]);
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it.each([
      ['a health officer of the home region', callerAs('HEALTH_OFFICER', { region: homeRegion })],
      [
        'a health officer for public health',
        { ...callerAs('HEALTH_OFFICER'), purpose: 'PUBLIC_HEALTH' },
      ],
      ['the data subject', callerAs('DATA_SUBJECT', { pin })],
    ])('shows the screenings to %s', async (_who, as) => {
      const result = await execute(server, ENTITIES, { reps: [rep] }, as);
      expect(result.errors).toBeUndefined();
      expect(result.data?._entities[0].screenings).toEqual([
        {
          kind: 'TB',
          result: 'NEGATIVE',
          screenedOn: '2023-04-02',
          facility: 'Osh Regional TB Centre',
        },
      ]);
    });

    it.each([
      ['a labour officer', 'FORBIDDEN', callerAs('LABOUR_OFFICER')],
      ['the data subject', 'FORBIDDEN', callerAs('DATA_SUBJECT', { pin: '10505198500055' })],
      [
        'a health officer declaring no purpose',
        'FORBIDDEN',
        { ...callerAs('HEALTH_OFFICER'), purpose: null },
      ],
      ['an anonymous caller', 'UNAUTHENTICATED', { caller: null, purpose: null }],
    ])('refuses recordScreening by %s with %s and writes nothing', async (_who, code, as) => {
      const other = '10505198500055';
      const result = await execute(server, RECORD, { input: { ...screening, pin: other } }, as);
      expect(result.errors?.[0]?.extensions?.code).toBe(code);
      expect(result.data ?? null).toBeNull();
      expect(await stored(other)).toBe(0);
    });

    it('audits an allowed read as ALLOWED and a refused one as DENIED', async () => {
      const allowed = await execute(
        server,
        ENTITIES,
        { reps: [rep] },
        {
          ...callerAs('HEALTH_OFFICER'),
          headers: { 'x-request-id': 'screenings-read-allowed' },
        },
      );
      expect(allowed.errors).toBeUndefined();
      expect(await audit('screenings-read-allowed')).toEqual([
        expect.objectContaining({
          service: 'health',
          sub: 'test-health_officer',
          roles: ['HEALTH_OFFICER'],
          purpose: 'MEDICAL_CARE',
          fields: ['Person.screenings'],
          pins: [pin],
          outcome: 'ALLOWED',
        }),
      ]);

      const refused = await execute(
        server,
        ENTITIES,
        { reps: [rep] },
        {
          ...callerAs('LABOUR_OFFICER'),
          headers: { 'x-request-id': 'screenings-read-denied' },
        },
      );
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(await audit('screenings-read-denied')).toEqual([
        expect.objectContaining({
          roles: ['LABOUR_OFFICER'],
          purpose: 'EMPLOYMENT_SERVICES',
          outcome: 'DENIED',
        }),
      ]);
    });

    it('audits a recorded screening as a write naming the PIN', async () => {
      const other = '10606198400066';
      const result = await execute(
        server,
        RECORD,
        { input: { ...screening, pin: other } },
        {
          headers: { 'x-request-id': 'screening-write' },
        },
      );
      expect(result.errors).toBeUndefined();
      expect(await audit('screening-write')).toEqual([
        expect.objectContaining({
          fields: ['Mutation.recordScreening'],
          pins: [other],
          outcome: 'ALLOWED',
        }),
      ]);
    });
  });
});
