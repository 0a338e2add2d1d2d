import {
  anonymous,
  callerAs,
  callerWithPurpose,
  execute,
  executeAudited,
  itGivesEntityField,
  itRefusesEntityField,
  outsidersOf,
  useTestSubgraph,
} from '@jol/testkit/service';
import { createHealthServer } from '../server';

const FIELDS = 'id pin diagnosedOn treatmentStatus outcome outcomeOn drugResistant';

const RECORD_CASE = /* GraphQL */ `
  mutation ($input: RecordTbCaseInput!) { recordTbCase(input: $input) { ${FIELDS} } }
`;
const RECORD_OUTCOME = /* GraphQL */ `
  mutation ($input: RecordTbOutcomeInput!) { recordTbOutcome(input: $input) { ${FIELDS} } }
`;
const UPDATE_STATUS = /* GraphQL */ `
  mutation ($input: UpdateTbTreatmentStatusInput!) { updateTbTreatmentStatus(input: $input) { ${FIELDS} } }
`;
const ENTITIES = /* GraphQL */ `
  query ($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Person {
        pin
        tbCases {
          diagnosedOn
          treatmentStatus
          outcome
          outcomeOn
        }
      }
    }
  }
`;

const UNKNOWN_ID = '65a0000000000000000000ff';

describe('health: TB cases', () => {
  const subgraph = useTestSubgraph('health', createHealthServer);
  const cases = () => subgraph.connection.collection('tb_cases');
  const snapshot = async (pin: string) =>
    (await cases().find({ pin }).sort({ _id: 1 }).toArray()).map(
      ({ updatedAt: _u, ...rest }) => rest,
    );

  /** Opens a case for `pin` and returns its id. */
  async function openCase(pin: string, input: Record<string, unknown> = {}): Promise<string> {
    const result = await execute(subgraph.server, RECORD_CASE, {
      input: {
        pin,
        diagnosedOn: '2024-01-10',
        drugResistant: false,
        treatmentStatus: 'IN_TREATMENT',
        ...input,
      },
    });
    expect(result.errors).toBeUndefined();
    return result.data?.recordTbCase.id;
  }

  describe('recordTbCase', () => {
    it('opens an active case, NOT_STARTED unless told otherwise', async () => {
      const pin = '20711198800017';
      const result = await execute(subgraph.server, RECORD_CASE, {
        input: { pin, diagnosedOn: '2023-11-20', drugResistant: true },
      });
      expect(result.errors).toBeUndefined();
      expect(result.data?.recordTbCase).toEqual({
        id: expect.stringMatching(/^[0-9a-f]{24}$/),
        pin,
        diagnosedOn: '2023-11-20',
        treatmentStatus: 'NOT_STARTED',
        outcome: null,
        outcomeOn: null,
        drugResistant: true,
      });
      expect(await cases().countDocuments({ pin, outcome: null })).toBe(1);
    });

    it('refuses a second active case for the same person with CONFLICT and writes nothing', async () => {
      const pin = '10101199000001';
      await openCase(pin);
      const before = await snapshot(pin);
      const again = await execute(subgraph.server, RECORD_CASE, {
        input: { pin, diagnosedOn: '2024-02-01', drugResistant: true },
      });
      expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(again.errors?.[0]?.message).toContain(pin);
      expect(await snapshot(pin)).toEqual(before);
    });

    it('lets only one of two concurrent first cases for a person succeed', async () => {
      const pin = '10101199000002';
      const input = { pin, diagnosedOn: '2024-03-01', drugResistant: false };
      const results = await Promise.all([
        execute(subgraph.server, RECORD_CASE, { input }),
        execute(subgraph.server, RECORD_CASE, { input }),
        execute(subgraph.server, RECORD_CASE, { input }),
      ]);
      expect(results.filter((r) => !r.errors)).toHaveLength(1);
      expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(2);
      expect(await cases().countDocuments({ pin })).toBe(1);
    });

    it('opens a new case once the previous one has an outcome', async () => {
      const pin = '10101199000003';
      const id = await openCase(pin, { diagnosedOn: '2022-01-05' });
      const closed = await execute(subgraph.server, RECORD_OUTCOME, {
        input: { id, outcome: 'CURED', on: '2022-07-05' },
      });
      expect(closed.errors).toBeUndefined();
      await openCase(pin, { diagnosedOn: '2024-02-01' });
      expect(await cases().countDocuments({ pin })).toBe(2);
      expect(await cases().countDocuments({ pin, outcome: null })).toBe(1);
    });

    it.each([
      ['a future diagnosis', { diagnosedOn: '2999-01-01' }, 'diagnosedOn', '2999-01-01'],
      [
        'a COMPLETED treatment on an active case',
        { treatmentStatus: 'COMPLETED' },
        'treatmentStatus',
        'COMPLETED',
      ],
      ['a malformed date', { diagnosedOn: '10.01.2024' }, 'Date', '10.01.2024'],
    ])(
      'refuses %s with BAD_USER_INPUT and writes nothing',
      async (_why, change, field, offending) => {
        const pin = '10101199000009';
        const result = await execute(subgraph.server, RECORD_CASE, {
          input: { pin, diagnosedOn: '2024-01-10', drugResistant: false, ...change },
        });
        expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect(result.errors?.[0]?.message).toContain(offending);
        if (field !== 'Date') expect(result.errors?.[0]?.message).toContain(field);
        expect(await cases().countDocuments({ pin })).toBe(0);
      },
    );
  });

  describe('recordTbOutcome', () => {
    it.each([
      ['CURED', 'COMPLETED', '20505199000011'],
      ['TREATMENT_COMPLETED', 'COMPLETED', '20505199000012'],
      ['TREATMENT_FAILED', 'INTERRUPTED', '20505199000013'],
      ['DIED', 'INTERRUPTED', '20505199000014'],
      ['LOST_TO_FOLLOW_UP', 'INTERRUPTED', '20505199000015'],
      ['NOT_EVALUATED', 'INTERRUPTED', '20505199000016'],
    ])(
      'closes a case in treatment with %s and sets the treatment %s',
      async (outcome, status, pin) => {
        const id = await openCase(pin);
        const result = await execute(subgraph.server, RECORD_OUTCOME, {
          input: { id, outcome, on: '2024-01-10' },
        });
        expect(result.errors).toBeUndefined();
        expect(result.data?.recordTbOutcome).toMatchObject({
          id,
          outcome,
          outcomeOn: '2024-01-10',
          treatmentStatus: status,
        });
        expect(await cases().countDocuments({ pin, outcome: null })).toBe(0);
      },
    );

    it('refuses an outcome on a closed case with CONFLICT and changes nothing', async () => {
      const pin = '10101199000004';
      const id = await openCase(pin);
      expect(
        (
          await execute(subgraph.server, RECORD_OUTCOME, {
            input: { id, outcome: 'CURED', on: '2024-06-01' },
          })
        ).errors,
      ).toBeUndefined();
      const before = await snapshot(pin);
      const again = await execute(subgraph.server, RECORD_OUTCOME, {
        input: { id, outcome: 'DIED', on: '2024-06-02' },
      });
      expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(again.errors?.[0]?.message).toContain(id);
      expect(await snapshot(pin)).toEqual(before);
    });

    it('refuses CURED for a case whose treatment never started, but accepts LOST_TO_FOLLOW_UP', async () => {
      const pin = '10101199000005';
      const id = await openCase(pin, { treatmentStatus: 'NOT_STARTED' });
      const before = await snapshot(pin);
      const cured = await execute(subgraph.server, RECORD_OUTCOME, {
        input: { id, outcome: 'CURED', on: '2024-06-01' },
      });
      expect(cured.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(cured.errors?.[0]?.message).toContain('CURED');
      expect(await snapshot(pin)).toEqual(before);

      const lost = await execute(subgraph.server, RECORD_OUTCOME, {
        input: { id, outcome: 'LOST_TO_FOLLOW_UP', on: '2024-06-01' },
      });
      expect(lost.errors).toBeUndefined();
      expect(lost.data?.recordTbOutcome).toMatchObject({
        outcome: 'LOST_TO_FOLLOW_UP',
        treatmentStatus: 'INTERRUPTED',
      });
    });

    it('lets only one of two concurrent outcomes close a case', async () => {
      const pin = '10101199000006';
      const id = await openCase(pin);
      const results = await Promise.all([
        execute(subgraph.server, RECORD_OUTCOME, {
          input: { id, outcome: 'CURED', on: '2024-06-01' },
        }),
        execute(subgraph.server, RECORD_OUTCOME, {
          input: { id, outcome: 'DIED', on: '2024-06-01' },
        }),
      ]);
      const winners = results.filter((r) => !r.errors);
      expect(winners).toHaveLength(1);
      expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT')).toHaveLength(1);
      const [stored] = await cases().find({ pin }).toArray();
      expect(stored!.outcome).toBe(winners[0]!.data?.recordTbOutcome.outcome);
    });

    it.each([
      ['before the diagnosis', { on: '2024-01-09' }, 'BAD_USER_INPUT', '2024-01-09'],
      ['in the future', { on: '2999-01-01' }, 'BAD_USER_INPUT', '2999-01-01'],
      ['for a malformed id', { id: 'not-an-id' }, 'BAD_USER_INPUT', 'not-an-id'],
      ['for an unknown id', { id: UNKNOWN_ID }, 'NOT_FOUND', UNKNOWN_ID],
    ])('refuses an outcome %s and changes nothing', async (_why, change, code, offending) => {
      const pin = '10101199000007';
      await cases().deleteMany({ pin });
      const id = await openCase(pin);
      const before = await snapshot(pin);
      const result = await execute(subgraph.server, RECORD_OUTCOME, {
        input: { id, outcome: 'CURED', on: '2024-06-01', ...change },
      });
      expect(result.errors?.[0]?.extensions?.code).toBe(code);
      expect(result.errors?.[0]?.message).toContain(offending);
      expect(await snapshot(pin)).toEqual(before);
    });
  });

  describe('updateTbTreatmentStatus', () => {
    it('changes the treatment status of an active case', async () => {
      const pin = '10101199000008';
      const id = await openCase(pin, { treatmentStatus: 'NOT_STARTED' });
      for (const status of ['IN_TREATMENT', 'INTERRUPTED', 'IN_TREATMENT']) {
        const result = await execute(subgraph.server, UPDATE_STATUS, { input: { id, status } });
        expect(result.errors).toBeUndefined();
        expect(result.data?.updateTbTreatmentStatus).toMatchObject({
          id,
          treatmentStatus: status,
          outcome: null,
        });
      }
      expect((await cases().findOne({ pin }))!.treatmentStatus).toBe('IN_TREATMENT');
    });

    it('refuses a closed case with CONFLICT and changes nothing', async () => {
      const pin = '10101199000010';
      const id = await openCase(pin);
      expect(
        (
          await execute(subgraph.server, RECORD_OUTCOME, {
            input: { id, outcome: 'DIED', on: '2024-02-01' },
          })
        ).errors,
      ).toBeUndefined();
      const before = await snapshot(pin);
      const result = await execute(subgraph.server, UPDATE_STATUS, {
        input: { id, status: 'IN_TREATMENT' },
      });
      expect(result.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(result.errors?.[0]?.message).toContain(id);
      expect(await snapshot(pin)).toEqual(before);
    });

    it.each([
      ['COMPLETED', { status: 'COMPLETED' }, 'BAD_USER_INPUT', 'COMPLETED'],
      ['a malformed id', { id: '12345' }, 'BAD_USER_INPUT', '12345'],
      ['an unknown id', { id: UNKNOWN_ID }, 'NOT_FOUND', UNKNOWN_ID],
    ])('refuses %s and changes nothing', async (_why, change, code, offending) => {
      const pin = '10101199000011';
      await cases().deleteMany({ pin });
      const id = await openCase(pin, { treatmentStatus: 'NOT_STARTED' });
      const before = await snapshot(pin);
      const result = await execute(subgraph.server, UPDATE_STATUS, {
        input: { id, status: 'IN_TREATMENT', ...change },
      });
      expect(result.errors?.[0]?.extensions?.code).toBe(code);
      expect(result.errors?.[0]?.message).toContain(offending);
      expect(await snapshot(pin)).toEqual(before);
    });
  });

  it('lists TB cases on Person through _entities, newest diagnosis first, and [] for a PIN with none', async () => {
    const pin = '10303198700003';
    const old = await openCase(pin, { diagnosedOn: '2019-03-01' });
    expect(
      (
        await execute(subgraph.server, RECORD_OUTCOME, {
          input: { id: old, outcome: 'TREATMENT_COMPLETED', on: '2019-09-01' },
        })
      ).errors,
    ).toBeUndefined();
    await openCase(pin, { diagnosedOn: '2024-04-04', treatmentStatus: 'NOT_STARTED' });
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
        tbCases: [
          {
            diagnosedOn: '2024-04-04',
            treatmentStatus: 'NOT_STARTED',
            outcome: null,
            outcomeOn: null,
          },
          {
            diagnosedOn: '2019-03-01',
            treatmentStatus: 'COMPLETED',
            outcome: 'TREATMENT_COMPLETED',
            outcomeOn: '2019-09-01',
          },
        ],
      },
      { pin: '20101199099999', tbCases: [] },
    ]);
  });
  describe('access', () => {
    const pin = '10404198600044';
    const homeRegion = 'KG-J';
    const rep = { __typename: 'Person', pin, homeRegion };
    const read = { query: ENTITIES, representation: rep, field: 'tbCases', alongside: { pin } };
    let caseId: string;

    beforeAll(async () => {
      caseId = await openCase(pin, { diagnosedOn: '2024-02-02' });
    });

    itRefusesEntityField(subgraph, read, [
      ...outsidersOf('HEALTH_OFFICER', {
        otherPin: '20101199099999',
        otherRegion: 'KG-B',
        foreignPurpose: 'PENSION_ASSESSMENT',
      }),
      ['a pension officer', 'FORBIDDEN', callerAs('PENSION_OFFICER')],
    ]);

    itGivesEntityField(
      subgraph,
      read,
      [
        {
          diagnosedOn: '2024-02-02',
          treatmentStatus: 'IN_TREATMENT',
          outcome: null,
          outcomeOn: null,
        },
      ],
      [
        ['a health officer of the home region', callerAs('HEALTH_OFFICER', { region: homeRegion })],
        ['the data subject', callerAs('DATA_SUBJECT', { pin })],
      ],
    );

    it.each([
      ['a labour officer', 'FORBIDDEN', callerAs('LABOUR_OFFICER')],
      ['the data subject', 'FORBIDDEN', callerAs('DATA_SUBJECT', { pin })],
      [
        'a health officer declaring no purpose',
        'FORBIDDEN',
        callerWithPurpose('HEALTH_OFFICER', null),
      ],
      ['an anonymous caller', 'UNAUTHENTICATED', anonymous],
    ])('refuses every TB write by %s with %s and changes nothing', async (_who, code, as) => {
      const other = '10505198500055';
      const before = await snapshot(pin);
      const writes: [string, Record<string, unknown>][] = [
        [RECORD_CASE, { input: { pin: other, diagnosedOn: '2024-01-01', drugResistant: false } }],
        [RECORD_OUTCOME, { input: { id: caseId, outcome: 'DIED', on: '2024-03-01' } }],
        [UPDATE_STATUS, { input: { id: caseId, status: 'INTERRUPTED' } }],
      ];
      for (const [mutation, variables] of writes) {
        const result = await execute(subgraph.server, mutation, variables, as);
        expect(result.errors?.[0]?.extensions?.code).toBe(code);
        expect(result.data ?? null).toBeNull();
      }
      expect(await cases().countDocuments({ pin: other })).toBe(0);
      expect(await snapshot(pin)).toEqual(before);
    });

    it('audits an allowed read as ALLOWED and a refused one as DENIED', async () => {
      const allowed = await executeAudited(
        subgraph,
        'tb-read-allowed',
        ENTITIES,
        { reps: [rep] },
        callerAs('HEALTH_OFFICER'),
      );
      expect(allowed.result.errors).toBeUndefined();
      expect(allowed.events).toEqual([
        expect.objectContaining({
          roles: ['HEALTH_OFFICER'],
          purpose: 'MEDICAL_CARE',
          served: ['Person.tbCases'],
          pins: [pin],
          outcome: 'ALLOWED',
        }),
      ]);
      const refused = await executeAudited(
        subgraph,
        'tb-read-denied',
        ENTITIES,
        { reps: [rep] },
        callerAs('ANALYST'),
      );
      expect(refused.result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(refused.events).toEqual([
        expect.objectContaining({ roles: ['ANALYST'], purpose: 'STATISTICS', outcome: 'DENIED' }),
      ]);
    });
  });
});
