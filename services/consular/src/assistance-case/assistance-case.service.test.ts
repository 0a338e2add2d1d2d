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
  officersOtherThan,
  outsidersOf,
  useTestSubgraph,
} from '@jol/testkit/service';
import { createConsularServer } from '../server';

const FIELDS = 'id pin type status country consulate openedOn closedOn';

const OPEN_CASE = /* GraphQL */ `
  mutation ($input: OpenAssistanceCaseInput!) { openAssistanceCase(input: $input) { ${FIELDS} } }
`;
const UPDATE_STATUS = /* GraphQL */ `
  mutation ($input: UpdateAssistanceCaseStatusInput!) { updateAssistanceCaseStatus(input: $input) { ${FIELDS} } }
`;
const CLOSE_CASE = /* GraphQL */ `
  mutation ($input: CloseAssistanceCaseInput!) { closeAssistanceCase(input: $input) { ${FIELDS} } }
`;
const ENTITIES = /* GraphQL */ `
  query ($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Person {
        pin
        assistanceCases {
          type
          status
          country
          consulate
          openedOn
          closedOn
        }
      }
    }
  }
`;

const UNKNOWN_ID = '65a0000000000000000000ff';
const MOSCOW = callerAs('CONSULAR_OFFICER', { office: 'RU_MOSCOW' });
const ALMATY = callerAs('CONSULAR_OFFICER', { office: 'KZ_ALMATY' });

describe('consular: assistance cases', () => {
  const subgraph = useTestSubgraph('consular', createConsularServer);
  const cases = () => subgraph.connection.collection('assistance_cases');
  const snapshot = async (pin: string) =>
    (await cases().find({ pin }).sort({ _id: 1 }).toArray()).map(
      ({ updatedAt: _u, ...rest }) => rest,
    );

  /** Opens a case for `pin` (in Moscow, detention, unless told otherwise) and returns its id. */
  async function openCase(pin: string, input: Record<string, unknown> = {}): Promise<string> {
    const result = await execute(subgraph.server, OPEN_CASE, {
      input: { pin, type: 'DETENTION', consulate: 'RU_MOSCOW', openedOn: '2024-01-10', ...input },
    });
    expect(result.errors).toBeUndefined();
    return result.data?.openAssistanceCase.id;
  }

  describe('openAssistanceCase', () => {
    it("opens an OPEN case in the consulate's country", async () => {
      const pin = '20711198800017';
      const result = await execute(subgraph.server, OPEN_CASE, {
        input: { pin, type: 'DEATH_ABROAD', consulate: 'TR_ISTANBUL', openedOn: '2023-11-20' },
      });
      expect(result.errors).toBeUndefined();
      expect(result.data?.openAssistanceCase).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        pin,
        type: 'DEATH_ABROAD',
        status: 'OPEN',
        country: 'TR',
        consulate: 'TR_ISTANBUL',
        openedOn: '2023-11-20',
        closedOn: null,
      });
      expect(await cases().countDocuments({ pin })).toBe(1);
    });

    it.each([
      ['a future opening', { openedOn: '2999-01-01' }, 'BAD_USER_INPUT', '2999-01-01'],
      ['an unknown consulate', { consulate: 'RU_OMSK' }, 'BAD_USER_INPUT', 'RU_OMSK'],
      ['an unknown type', { type: 'SHIPWRECK' }, 'BAD_USER_INPUT', 'SHIPWRECK'],
    ])('refuses %s and writes nothing', async (_why, change, code, offending) => {
      const pin = '10101199000009';
      const result = await execute(subgraph.server, OPEN_CASE, {
        input: {
          pin,
          type: 'DETENTION',
          consulate: 'RU_MOSCOW',
          openedOn: '2024-01-10',
          ...change,
        },
      });
      expect(result.errors?.[0]?.extensions?.code).toBe(code);
      expect(result.errors?.[0]?.message).toContain(offending);
      expect(await cases().countDocuments({ pin })).toBe(0);
    });
  });

  describe('updateAssistanceCaseStatus and closeAssistanceCase', () => {
    it('moves a case to IN_PROGRESS, then closes it on its day', async () => {
      const pin = '10101199000001';
      const id = await openCase(pin);
      const moved = await execute(subgraph.server, UPDATE_STATUS, {
        input: { id, status: 'IN_PROGRESS' },
      });
      expect(moved.data?.updateAssistanceCaseStatus).toMatchObject({ id, status: 'IN_PROGRESS' });
      const closed = await execute(subgraph.server, CLOSE_CASE, {
        input: { id, closedOn: '2024-03-01' },
      });
      expect(closed.errors).toBeUndefined();
      expect(closed.data?.closeAssistanceCase).toMatchObject({
        id,
        status: 'CLOSED',
        closedOn: '2024-03-01',
      });
    });

    it('refuses to change or close a closed case with CONFLICT and changes nothing', async () => {
      const pin = '10101199000002';
      const id = await openCase(pin);
      await execute(subgraph.server, CLOSE_CASE, { input: { id, closedOn: '2024-02-01' } });
      const before = await snapshot(pin);
      for (const [mutation, input] of [
        [UPDATE_STATUS, { id, status: 'OPEN' }],
        [CLOSE_CASE, { id, closedOn: '2024-02-02' }],
      ] as const) {
        const result = await execute(subgraph.server, mutation, { input });
        expect(result.errors?.[0]?.extensions?.code).toBe('CONFLICT');
        expect(result.errors?.[0]?.message).toContain(id);
      }
      expect(await snapshot(pin)).toEqual(before);
    });

    it.each([
      [UPDATE_STATUS, 'CLOSED as a status', { status: 'CLOSED' }, 'BAD_USER_INPUT', 'CLOSED'],
      [UPDATE_STATUS, 'a malformed id', { id: '12345' }, 'BAD_USER_INPUT', '12345'],
      [UPDATE_STATUS, 'an unknown id', { id: UNKNOWN_ID }, 'NOT_FOUND', UNKNOWN_ID],
      [
        CLOSE_CASE,
        'a day before the opening',
        { closedOn: '2024-01-09' },
        'BAD_USER_INPUT',
        '2024-01-09',
      ],
      [CLOSE_CASE, 'a future day', { closedOn: '2999-01-01' }, 'BAD_USER_INPUT', '2999-01-01'],
      [CLOSE_CASE, 'an unknown id', { id: UNKNOWN_ID }, 'NOT_FOUND', UNKNOWN_ID],
    ])('%#: refuses %s and changes nothing', async (mutation, _why, change, code, offending) => {
      const pin = '10101199000003';
      await cases().deleteMany({ pin });
      const id = await openCase(pin);
      const before = await snapshot(pin);
      const input =
        mutation === UPDATE_STATUS
          ? { id, status: 'IN_PROGRESS', ...change }
          : { id, closedOn: '2024-02-01', ...change };
      const result = await execute(subgraph.server, mutation, { input });
      expect(result.errors?.[0]?.extensions?.code).toBe(code);
      expect(result.errors?.[0]?.message).toContain(offending);
      expect(await snapshot(pin)).toEqual(before);
    });
  });

  it('lists cases on Person through _entities, newest first, and [] for a PIN with none', async () => {
    const pin = '10303198700003';
    await openCase(pin, { type: 'LOST_DOCUMENTS', openedOn: '2019-03-01' });
    await openCase(pin, {
      type: 'HOSPITALISATION',
      consulate: 'KZ_ALMATY',
      openedOn: '2024-04-04',
    });
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
        assistanceCases: [
          expect.objectContaining({
            type: 'HOSPITALISATION',
            country: 'KZ',
            openedOn: '2024-04-04',
          }),
          expect.objectContaining({
            type: 'LOST_DOCUMENTS',
            country: 'RU',
            openedOn: '2019-03-01',
          }),
        ],
      },
      { pin: '20101199099999', assistanceCases: [] },
    ]);
  });

  describe('access', () => {
    const pin = '10404198600044';
    const homeRegion = 'KG-J';
    const rep = { __typename: 'Person', pin, homeRegion };
    const read = {
      query: ENTITIES,
      representation: rep,
      field: 'assistanceCases',
      alongside: { pin },
    };
    const moscowCase = {
      type: 'DETENTION',
      status: 'OPEN',
      country: 'RU',
      consulate: 'RU_MOSCOW',
      openedOn: '2024-02-02',
      closedOn: null,
    };
    const almatyCase = {
      ...moscowCase,
      country: 'KZ',
      consulate: 'KZ_ALMATY',
      openedOn: '2023-05-05',
    };
    let moscowId: string;
    let almatyId: string;

    beforeAll(async () => {
      moscowId = await openCase(pin, { openedOn: '2024-02-02' });
      almatyId = await openCase(pin, { consulate: 'KZ_ALMATY', openedOn: '2023-05-05' });
    });

    itRefusesEntityField(subgraph, read, [
      ...outsidersOf('CONSULAR_OFFICER', {
        otherPin: '20101199099999',
        otherRegion: 'KG-B',
        foreignPurpose: 'MEDICAL_CARE',
      }),
      ...officersOtherThan('CONSULAR_OFFICER'),
      [
        'a consular officer registering citizens, a purpose that needs no case',
        'FORBIDDEN',
        callerWithPurpose('CONSULAR_OFFICER', 'CONSULAR_REGISTRATION'),
      ],
      ['an auditor', 'FORBIDDEN', callerAs('AUDITOR')],
    ]);
    itRefusesWithoutHomeRegion(subgraph, read, 'CONSULAR_OFFICER');

    itGivesEntityField(
      subgraph,
      read,
      [moscowCase, almatyCase],
      [
        ['a consular officer of every post', callerAs('CONSULAR_OFFICER')],
        ['the data subject', callerAs('DATA_SUBJECT', { pin })],
      ],
    );
    itGivesEntityField(
      subgraph,
      read,
      [moscowCase],
      [["an officer posted in Moscow, its post's only", MOSCOW]],
    );
    itGivesEntityField(
      subgraph,
      read,
      [almatyCase],
      [["an officer posted in Almaty, its post's only", ALMATY]],
    );

    const otherPin = '10505198500055';
    const state = async () => [await snapshot(pin), await snapshot(otherPin)];
    const writes = () => [
      {
        name: 'openAssistanceCase',
        mutation: OPEN_CASE,
        variables: {
          input: {
            pin: otherPin,
            type: 'LEGAL_AID',
            consulate: 'RU_MOSCOW',
            openedOn: '2024-01-01',
          },
        },
        state,
      },
      {
        name: 'updateAssistanceCaseStatus',
        mutation: UPDATE_STATUS,
        variables: async () => ({ input: { id: moscowId, status: 'IN_PROGRESS' } }),
        state,
      },
      {
        name: 'closeAssistanceCase',
        mutation: CLOSE_CASE,
        variables: async () => ({ input: { id: moscowId, closedOn: '2024-03-01' } }),
        state,
      },
    ];
    for (const write of writes()) {
      itRefusesWrite(subgraph, write, [
        ...officersOtherThan('CONSULAR_OFFICER'),
        ['the data subject', 'FORBIDDEN', callerAs('DATA_SUBJECT', { pin })],
        ['an analyst', 'FORBIDDEN', callerAs('ANALYST')],
        [
          'a consular officer registering citizens',
          'FORBIDDEN',
          callerWithPurpose('CONSULAR_OFFICER', 'CONSULAR_REGISTRATION'),
        ],
        [
          'a consular officer declaring no purpose',
          'FORBIDDEN',
          callerWithPurpose('CONSULAR_OFFICER', null),
        ],
        ["an officer of another post (Almaty for Moscow's case)", 'FORBIDDEN', ALMATY],
        ['an anonymous caller', 'UNAUTHENTICATED', anonymous],
      ]);
    }

    it("lets an officer posted in Moscow write its post's case and refuses Almaty's alike with an unknown id", async () => {
      const moved = await execute(
        subgraph.server,
        UPDATE_STATUS,
        { input: { id: moscowId, status: 'IN_PROGRESS' } },
        MOSCOW,
      );
      expect(moved.errors).toBeUndefined();
      const before = await snapshot(pin);
      const other = await execute(
        subgraph.server,
        UPDATE_STATUS,
        { input: { id: almatyId, status: 'IN_PROGRESS' } },
        MOSCOW,
      );
      const unknown = await execute(
        subgraph.server,
        UPDATE_STATUS,
        { input: { id: UNKNOWN_ID, status: 'IN_PROGRESS' } },
        MOSCOW,
      );
      expect(other.errors?.[0]?.message).toBe(
        'Outside your office: Mutation.updateAssistanceCaseStatus',
      );
      expect(unknown.errors?.[0]).toEqual(other.errors?.[0]);
      expect(await snapshot(pin)).toEqual(before);
    });

    it('audits a read with its purpose and PIN, and a refused write at another post as DENIED', async () => {
      const allowed = await executeAudited(
        subgraph,
        'consular-read-allowed',
        ENTITIES,
        { reps: [rep] },
        MOSCOW,
      );
      expect(allowed.result.errors).toBeUndefined();
      expect(allowed.events).toEqual([
        expect.objectContaining({
          roles: ['CONSULAR_OFFICER'],
          purpose: 'CONSULAR_ASSISTANCE',
          served: ['Person.assistanceCases'],
          pins: [pin],
          outcome: 'ALLOWED',
        }),
      ]);
      const refused = await executeAudited(
        subgraph,
        'consular-write-denied',
        CLOSE_CASE,
        { input: { id: almatyId, closedOn: '2024-03-01' } },
        MOSCOW,
      );
      expect(refused.result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(refused.events).toEqual([
        expect.objectContaining({
          roles: ['CONSULAR_OFFICER'],
          refused: ['Mutation.closeAssistanceCase'],
          pins: [pin],
          outcome: 'DENIED',
        }),
      ]);
    });
  });
});
