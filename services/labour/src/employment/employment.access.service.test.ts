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
  type ExecuteAs,
} from '@jol/testkit/service';
import { createLabourServer } from '../server';

const PIN = '10503199012345';
const OTHER_PIN = '20101199000001';
const REGION = 'KG-B';

const RECORD = /* GraphQL */ `
  mutation Record($input: RecordEmploymentInput!) {
    recordEmployment(input: $input) {
      id
    }
  }
`;
const job = {
  pin: PIN,
  country: 'RU',
  employer: 'OOO Stroy',
  sector: 'CONSTRUCTION',
  formal: true,
  permitType: 'PATENT',
  permitNumber: '77-1234567',
  from: '2020-01-01',
  to: '2020-12-31',
};
const summary = { country: 'RU', sector: 'CONSTRUCTION', from: '2020-01-01', to: '2020-12-31' };
const detail = {
  employer: 'OOO Stroy',
  formal: true,
  permitType: 'PATENT',
  permitNumber: '77-1234567',
};

/** `_entities` as the gateway sends it: the representation carries the home region. */
const entities = (selection: string) => /* GraphQL */ `
  query Employment($reps: [_Any!]!) {
    _entities(representations: $reps) { ... on Person { ${selection} } }
  }
`;
const SUMMARY = entities('employment { country sector from to }');
const EVERYTHING = entities(
  'employment { id pin country sector from to employer formal permitType permitNumber }',
);
const representation = { __typename: 'Person', pin: PIN, homeRegion: REGION };
const person = () => ({ reps: [representation] });

const summaryRead = { query: SUMMARY, representation, field: 'employment' };

const labourOfficer = callerAs('LABOUR_OFFICER');
const noPurpose = callerWithPurpose('LABOUR_OFFICER', null);

describe('labour: access to employment records', () => {
  const subgraph = useTestSubgraph('labour', createLabourServer);
  const records = () => subgraph.connection.collection('employment_records').countDocuments();

  beforeAll(async () => {
    expect((await execute(subgraph.server, RECORD, { input: job })).errors).toBeUndefined();
  });

  describe('Person.employment through _entities is no side door', () => {
    itRefusesEntityField(subgraph, summaryRead, [
      ...outsidersOf('LABOUR_OFFICER', {
        otherPin: OTHER_PIN,
        otherRegion: 'KG-O',
        foreignPurpose: 'MEDICAL_CARE',
      }),
      ['a health officer', 'FORBIDDEN', callerAs('HEALTH_OFFICER')],
      ['an auditor', 'FORBIDDEN', callerAs('AUDITOR')],
      [
        'a migration officer of another region',
        'FORBIDDEN',
        callerAs('MIGRATION_OFFICER', { region: 'KG-O' }),
      ],
      ['a labour officer declaring no purpose', 'FORBIDDEN', noPurpose],
    ]);

    itRefusesWithoutHomeRegion(subgraph, summaryRead, 'LABOUR_OFFICER');
  });

  describe('Person.employment with its detail, for labour officers and the person', () => {
    itGivesEntityField(
      subgraph,
      { query: EVERYTHING, representation, field: 'employment' },
      [{ id: expect.stringMatching(/^[0-9a-f]{24}$/), pin: PIN, ...summary, ...detail }],
      [
        ['a labour officer', labourOfficer],
        ['a labour officer of the same region', callerAs('LABOUR_OFFICER', { region: REGION })],
        ['the data subject', callerAs('DATA_SUBJECT', { pin: PIN })],
      ],
    );
  });

  describe.each<[string, ExecuteAs]>([
    ['a migration officer', callerAs('MIGRATION_OFFICER')],
    ['a pension officer', callerAs('PENSION_OFFICER')],
    ['a migration officer of the same region', callerAs('MIGRATION_OFFICER', { region: REGION })],
    // Returnee support needs what a returnee did abroad, not the employer or permit (purpose policy).
    [
      'a labour officer for returnee support',
      callerWithPurpose('LABOUR_OFFICER', 'RETURNEE_SUPPORT'),
    ],
  ])('%s', (_who, as) => {
    it('reads the employment summary', async () => {
      const result = await execute(subgraph.server, SUMMARY, person(), as);
      expect(result.errors).toBeUndefined();
      expect(result.data?._entities).toEqual([{ employment: [summary] }]);
    });

    it.each(['employer', 'formal', 'permitType', 'permitNumber'])(
      'is refused EmploymentRecord.%s and nothing else',
      async (field) => {
        const result = await execute(
          subgraph.server,
          entities(`employment { country ${field} }`),
          person(),
          as,
        );
        expect(result.data?._entities).toEqual([
          { employment: [{ country: 'RU', [field]: null }] },
        ]);
        expect(result.errors).toHaveLength(1);
        expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(result.errors?.[0]?.message).toContain(`EmploymentRecord.${field}`);
        expect(result.errors?.[0]?.path).toEqual(['_entities', 0, 'employment', 0, field]);
      },
    );
  });

  describe('Mutation.recordEmployment', () => {
    itRefusesWrite(
      subgraph,
      {
        name: 'recordEmployment',
        mutation: RECORD,
        variables: { input: { ...job, pin: OTHER_PIN } },
        state: records,
      },
      [
        ['a migration officer', 'FORBIDDEN', callerAs('MIGRATION_OFFICER')],
        ['a pension officer', 'FORBIDDEN', callerAs('PENSION_OFFICER')],
        ['the data subject', 'FORBIDDEN', callerAs('DATA_SUBJECT', { pin: OTHER_PIN })],
        ['a labour officer declaring no purpose', 'FORBIDDEN', noPurpose],
        [
          'a labour officer declaring a purpose not his',
          'FORBIDDEN',
          callerWithPurpose('LABOUR_OFFICER', 'PENSION_ASSESSMENT'),
        ],
        ['an anonymous caller', 'UNAUTHENTICATED', anonymous],
      ],
    );
  });

  describe('audit', () => {
    it('records an allowed read with the fields read, the PIN, role and purpose', async () => {
      const requestId = 'labour-employment-audit-allowed';
      const { result, events } = await executeAudited(
        subgraph,
        requestId,
        EVERYTHING,
        person(),
        labourOfficer,
      );
      expect(result.errors).toBeUndefined();
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        service: 'labour',
        roles: ['LABOUR_OFFICER'],
        purpose: 'EMPLOYMENT_SERVICES',
        pins: [PIN],
        outcome: 'ALLOWED',
        served: [
          'EmploymentRecord.employer',
          'EmploymentRecord.formal',
          'EmploymentRecord.permitNumber',
          'EmploymentRecord.permitType',
          'Person.employment',
        ],
      });
    });

    it('records a refused read as DENIED', async () => {
      const requestId = 'labour-employment-audit-denied';
      const analyst = callerAs('ANALYST');
      const { events } = await executeAudited(subgraph, requestId, SUMMARY, person(), analyst);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        roles: ['ANALYST'],
        purpose: 'STATISTICS',
        outcome: 'DENIED',
      });
    });

    it('records a read of the summary with a refused detail field as PARTIAL, field by field', async () => {
      const requestId = 'labour-employment-audit-partly-denied';
      const pensions = callerAs('PENSION_OFFICER');
      const { events } = await executeAudited(
        subgraph,
        requestId,
        entities('employment { country employer }'),
        person(),
        pensions,
      );
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        served: ['Person.employment'],
        refused: ['EmploymentRecord.employer'],
        failed: [],
        pins: [PIN],
        outcome: 'PARTIAL',
      });
    });
  });
});
