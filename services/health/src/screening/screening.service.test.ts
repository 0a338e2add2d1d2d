import {
  anonymous,
  callerAs,
  callerWithPurpose,
  execute,
  executeAudited,
  itGivesEntityField,
  itRefusesEntityField,
  itRefusesWithoutHomeRegion,
  itRefusesWrite,
  outsidersOf,
  useTestSubgraph,
  type TestRegister,
} from '@jol/testkit/service';
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
  const register: TestRegister = new Map();
  const subgraph = useTestSubgraph('health', createHealthServer, register);
  const stored = (pin: string) =>
    subgraph.connection.collection('health_screenings').countDocuments({ pin });

  it('refuses, naming why, a dated write about a person whose birth date the purpose may not read', async () => {
    const pin = '20711198800025';
    register.set(pin, {
      kind: 'known',
      facts: { homeRegion: 'KG-O', birthDate: null, birthDateWithheld: true },
    });
    const result = await execute(
      subgraph.server,
      RECORD,
      { input: { ...screening, pin } },
      callerWithPurpose('HEALTH_OFFICER', 'PUBLIC_HEALTH'),
    );
    expect(result.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/screenedOn.*Person\.birthDate.*purpose/),
        extensions: { code: 'FORBIDDEN' },
      }),
    ]);
    expect(await stored(pin)).toBe(0);
  });

  it('records a screening with the facility name trimmed', async () => {
    const result = await execute(subgraph.server, RECORD, {
      input: { ...screening, facility: '  Osh Regional TB Centre ' },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.recordScreening).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      ...screening,
    });
    const [doc] = await subgraph.connection
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
      const result = await execute(subgraph.server, RECORD, {
        input: { ...screening, pin, ...change },
      });
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
    const result = await execute(subgraph.server, RECORD, {
      input: { ...screening, pin, kind: 'COVID' },
    });
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
      const r = await execute(subgraph.server, RECORD, {
        input: { pin, kind, result, screenedOn, facility: 'Batken FMC' },
      });
      expect(r.errors).toBeUndefined();
    }
    const result = await execute(subgraph.server, ENTITIES, {
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
    const { models } = subgraph.server.createContext();
    const find = jest.spyOn(models.HealthScreening, 'find');
    try {
      const pins = [
        '10909199500042',
        '20101199099999',
        '10909199500042',
        '20711198800017',
        '10909199500042',
      ];
      const result = await execute(subgraph.server, ENTITIES, {
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
    const other = '10505198500055';
    const rep = { __typename: 'Person', pin, homeRegion };
    const read = { query: ENTITIES, representation: rep, field: 'screenings', alongside: { pin } };
    const noPurpose = callerWithPurpose('HEALTH_OFFICER', null);

    beforeAll(async () => {
      const r = await execute(subgraph.server, RECORD, { input: { ...screening, pin } });
      expect(r.errors).toBeUndefined();
    });

    itRefusesEntityField(subgraph, read, [
      ...outsidersOf('HEALTH_OFFICER', {
        otherPin: '20101199099999',
        otherRegion: 'KG-B',
        foreignPurpose: 'EMPLOYMENT_SERVICES',
      }),
      ['a labour officer', 'FORBIDDEN', callerAs('LABOUR_OFFICER')],
      ['a migration officer', 'FORBIDDEN', callerAs('MIGRATION_OFFICER')],
      ['a health officer declaring no purpose', 'FORBIDDEN', noPurpose],
    ]);

    itRefusesWithoutHomeRegion(subgraph, read, 'HEALTH_OFFICER');

    itGivesEntityField(
      subgraph,
      read,
      [
        {
          kind: 'TB',
          result: 'NEGATIVE',
          screenedOn: '2023-04-02',
          facility: 'Osh Regional TB Centre',
        },
      ],
      [
        ['a health officer of the home region', callerAs('HEALTH_OFFICER', { region: homeRegion })],
        [
          'a health officer for public health',
          callerWithPurpose('HEALTH_OFFICER', 'PUBLIC_HEALTH'),
        ],
        ['the data subject', callerAs('DATA_SUBJECT', { pin })],
      ],
    );

    itRefusesWrite(
      subgraph,
      {
        name: 'recordScreening',
        mutation: RECORD,
        variables: { input: { ...screening, pin: other } },
        state: () => stored(other),
      },
      [
        ['a labour officer', 'FORBIDDEN', callerAs('LABOUR_OFFICER')],
        ['the data subject', 'FORBIDDEN', callerAs('DATA_SUBJECT', { pin: other })],
        ['a health officer declaring no purpose', 'FORBIDDEN', noPurpose],
        ['an anonymous caller', 'UNAUTHENTICATED', anonymous],
      ],
    );

    it('audits an allowed read as ALLOWED and a refused one as DENIED', async () => {
      const allowed = await executeAudited(
        subgraph,
        'screenings-read-allowed',
        ENTITIES,
        { reps: [rep] },
        callerAs('HEALTH_OFFICER'),
      );
      expect(allowed.result.errors).toBeUndefined();
      expect(allowed.events).toEqual([
        expect.objectContaining({
          service: 'health',
          sub: 'test-health_officer',
          roles: ['HEALTH_OFFICER'],
          purpose: 'MEDICAL_CARE',
          served: ['Person.screenings'],
          pins: [pin],
          outcome: 'ALLOWED',
        }),
      ]);

      const refused = await executeAudited(
        subgraph,
        'screenings-read-denied',
        ENTITIES,
        { reps: [rep] },
        callerAs('LABOUR_OFFICER'),
      );
      expect(refused.result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(refused.events).toEqual([
        expect.objectContaining({
          roles: ['LABOUR_OFFICER'],
          purpose: 'EMPLOYMENT_SERVICES',
          outcome: 'DENIED',
        }),
      ]);
    });

    it('audits a recorded screening as a write naming the PIN', async () => {
      const other = '10606198400066';
      const written = await executeAudited(subgraph, 'screening-write', RECORD, {
        input: { ...screening, pin: other },
      });
      expect(written.result.errors).toBeUndefined();
      expect(written.events).toEqual([
        expect.objectContaining({
          served: ['Mutation.recordScreening'],
          pins: [other],
          outcome: 'ALLOWED',
        }),
      ]);
    });
  });
});
