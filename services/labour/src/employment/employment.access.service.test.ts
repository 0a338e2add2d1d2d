import type { Connection } from 'mongoose';
import type { Caller } from '@jol/schema';
import {
  callerAs,
  dropTestDatabase,
  execute,
  openTestDatabase,
  prepareTestDatabase,
  quietLogger,
  testAccess,
} from '@jol/schema/testing';
import { createLabourServer } from '../server';

type As = { caller: Caller | null; purpose?: string | null };

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
const person = (homeRegion: string | null = REGION) => ({
  reps: [{ __typename: 'Person', pin: PIN, ...(homeRegion ? { homeRegion } : {}) }],
});

const labourOfficer = callerAs('LABOUR_OFFICER');

describe('labour: access to employment records', () => {
  let connection: Connection;
  let server: Awaited<ReturnType<typeof createLabourServer>>;
  const records = () => connection.collection('employment_records').countDocuments();
  const auditOf = (requestId: string) =>
    connection.collection('audit_events').find({ requestId }).toArray();

  beforeAll(async () => {
    connection = await openTestDatabase('labour');
    server = await createLabourServer({ connection, log: quietLogger(), access: testAccess() });
    await prepareTestDatabase(connection);
    expect((await execute(server, RECORD, { input: job })).errors).toBeUndefined();
  });
  afterAll(async () => {
    await server.apollo.stop();
    await dropTestDatabase(connection);
  });

  describe('Person.employment through _entities is no side door', () => {
    it.each<[string, As, string]>([
      ['an analyst', callerAs('ANALYST'), 'FORBIDDEN'],
      ['a partner', callerAs('PARTNER'), 'FORBIDDEN'],
      ['a health officer', callerAs('HEALTH_OFFICER'), 'FORBIDDEN'],
      ['an auditor', callerAs('AUDITOR'), 'FORBIDDEN'],
      ['another data subject', callerAs('DATA_SUBJECT', { pin: OTHER_PIN }), 'FORBIDDEN'],
      [
        'a labour officer of another region',
        callerAs('LABOUR_OFFICER', { region: 'KG-O' }),
        'FORBIDDEN',
      ],
      [
        'a migration officer of another region',
        callerAs('MIGRATION_OFFICER', { region: 'KG-O' }),
        'FORBIDDEN',
      ],
      [
        'a labour officer declaring a purpose not his',
        { caller: labourOfficer.caller, purpose: 'MEDICAL_CARE' },
        'FORBIDDEN',
      ],
      [
        'a labour officer declaring no purpose',
        { caller: labourOfficer.caller, purpose: null },
        'FORBIDDEN',
      ],
      ['an anonymous caller', { caller: null }, 'UNAUTHENTICATED'],
    ])('refuses %s', async (_who, as, code) => {
      const result = await execute(server, SUMMARY, person(), as);
      expect(result.data?._entities).toEqual([{ employment: null }]);
      expect(result.errors).toHaveLength(1);
      expect(result.errors?.[0]?.extensions?.code).toBe(code);
      expect(result.errors?.[0]?.path).toEqual(['_entities', 0, 'employment']);
    });

    it('refuses a region-scoped officer when the representation carries no home region', async () => {
      const result = await execute(
        server,
        SUMMARY,
        person(null),
        callerAs('LABOUR_OFFICER', { region: REGION }),
      );
      expect(result.data?._entities).toEqual([{ employment: null }]);
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('Person.employment with its detail, for labour officers and the person', () => {
    it.each<[string, As]>([
      ['a labour officer', labourOfficer],
      [
        'a labour officer for returnee support',
        { caller: labourOfficer.caller, purpose: 'RETURNEE_SUPPORT' },
      ],
      ['a labour officer of the same region', callerAs('LABOUR_OFFICER', { region: REGION })],
      ['the data subject', callerAs('DATA_SUBJECT', { pin: PIN })],
    ])('gives %s every field', async (_who, as) => {
      const result = await execute(server, EVERYTHING, person(), as);
      expect(result.errors).toBeUndefined();
      expect(result.data?._entities).toEqual([
        {
          employment: [
            { id: expect.stringMatching(/^[0-9a-f]{24}$/), pin: PIN, ...summary, ...detail },
          ],
        },
      ]);
    });
  });

  describe.each<[string, As]>([
    ['a migration officer', callerAs('MIGRATION_OFFICER')],
    ['a pension officer', callerAs('PENSION_OFFICER')],
    ['a migration officer of the same region', callerAs('MIGRATION_OFFICER', { region: REGION })],
  ])('%s', (_who, as) => {
    it('reads the employment summary', async () => {
      const result = await execute(server, SUMMARY, person(), as);
      expect(result.errors).toBeUndefined();
      expect(result.data?._entities).toEqual([{ employment: [summary] }]);
    });

    it.each(['employer', 'formal', 'permitType', 'permitNumber'])(
      'is refused EmploymentRecord.%s and nothing else',
      async (field) => {
        const result = await execute(
          server,
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
    const input = { ...job, pin: OTHER_PIN };

    it.each<[string, As, string]>([
      ['a migration officer', callerAs('MIGRATION_OFFICER'), 'FORBIDDEN'],
      ['a pension officer', callerAs('PENSION_OFFICER'), 'FORBIDDEN'],
      ['the data subject', callerAs('DATA_SUBJECT', { pin: OTHER_PIN }), 'FORBIDDEN'],
      [
        'a labour officer declaring no purpose',
        { caller: labourOfficer.caller, purpose: null },
        'FORBIDDEN',
      ],
      [
        'a labour officer declaring a purpose not his',
        { caller: labourOfficer.caller, purpose: 'PENSION_ASSESSMENT' },
        'FORBIDDEN',
      ],
      ['an anonymous caller', { caller: null }, 'UNAUTHENTICATED'],
    ])('is refused to %s, and nothing is written', async (_who, as, code) => {
      const before = await records();
      const result = await execute(server, RECORD, { input }, as);
      expect(result.errors?.[0]?.extensions?.code).toBe(code);
      expect(result.data ?? null).toBeNull();
      expect(await records()).toBe(before);
    });
  });

  describe('audit', () => {
    it('records an allowed read with the fields read, the PIN, role and purpose', async () => {
      const requestId = 'labour-employment-audit-allowed';
      const result = await execute(server, EVERYTHING, person(), {
        ...labourOfficer,
        headers: { 'x-request-id': requestId },
      });
      expect(result.errors).toBeUndefined();
      const events = await auditOf(requestId);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        service: 'labour',
        roles: ['LABOUR_OFFICER'],
        purpose: 'EMPLOYMENT_SERVICES',
        pins: [PIN],
        outcome: 'ALLOWED',
        fields: [
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
      await execute(server, SUMMARY, person(), {
        ...analyst,
        headers: { 'x-request-id': requestId },
      });
      const events = await auditOf(requestId);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        roles: ['ANALYST'],
        purpose: 'STATISTICS',
        outcome: 'DENIED',
      });
    });

    it('records a read of the summary with a refused detail field as DENIED', async () => {
      const requestId = 'labour-employment-audit-partly-denied';
      const pensions = callerAs('PENSION_OFFICER');
      await execute(server, entities('employment { country employer }'), person(), {
        ...pensions,
        headers: { 'x-request-id': requestId },
      });
      const events = await auditOf(requestId);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        fields: ['EmploymentRecord.employer', 'Person.employment'],
        pins: [PIN],
        outcome: 'DENIED',
      });
    });
  });
});
