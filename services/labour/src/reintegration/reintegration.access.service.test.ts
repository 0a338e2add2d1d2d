import { Types, type Connection } from 'mongoose';
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

const ENROL = /* GraphQL */ `
  mutation Enrol($input: EnrolInReintegrationInput!) {
    enrolInReintegration(input: $input) {
      id
    }
  }
`;
const UPDATE = /* GraphQL */ `
  mutation Update($input: UpdateReintegrationStatusInput!) {
    updateReintegrationStatus(input: $input) {
      status
    }
  }
`;
const ENROLMENTS = /* GraphQL */ `
  query Enrolments($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Person {
        reintegrationEnrolments {
          programme
          status
          enrolledOn
        }
      }
    }
  }
`;
const person = { reps: [{ __typename: 'Person', pin: PIN, homeRegion: REGION }] };
const enrolment = {
  programme: 'VOCATIONAL_TRAINING',
  status: 'ENROLLED',
  enrolledOn: '2023-09-01',
};
const labourOfficer = callerAs('LABOUR_OFFICER');

describe('labour: access to reintegration enrolments', () => {
  let connection: Connection;
  let server: Awaited<ReturnType<typeof createLabourServer>>;
  let id: string;
  const enrolments = () => connection.collection('reintegration_enrolments');
  const auditOf = (requestId: string) =>
    connection.collection('audit_events').find({ requestId }).toArray();

  beforeAll(async () => {
    connection = await openTestDatabase('labour');
    server = await createLabourServer({ connection, log: quietLogger(), access: testAccess() });
    await prepareTestDatabase(connection);
    const enrolled = await execute(server, ENROL, {
      input: { pin: PIN, programme: enrolment.programme, enrolledOn: enrolment.enrolledOn },
    });
    expect(enrolled.errors).toBeUndefined();
    id = enrolled.data?.enrolInReintegration.id;
  });
  afterAll(async () => {
    await server.apollo.stop();
    await dropTestDatabase(connection);
  });

  it.each<[string, As, string]>([
    ['an analyst', callerAs('ANALYST'), 'FORBIDDEN'],
    ['a partner', callerAs('PARTNER'), 'FORBIDDEN'],
    ['a migration officer', callerAs('MIGRATION_OFFICER'), 'FORBIDDEN'],
    ['a pension officer', callerAs('PENSION_OFFICER'), 'FORBIDDEN'],
    ['a health officer', callerAs('HEALTH_OFFICER'), 'FORBIDDEN'],
    ['another data subject', callerAs('DATA_SUBJECT', { pin: OTHER_PIN }), 'FORBIDDEN'],
    [
      'a labour officer of another region',
      callerAs('LABOUR_OFFICER', { region: 'KG-O' }),
      'FORBIDDEN',
    ],
    [
      'a labour officer declaring a purpose not his',
      { caller: labourOfficer.caller, purpose: 'STATISTICS' },
      'FORBIDDEN',
    ],
    ['an anonymous caller', { caller: null }, 'UNAUTHENTICATED'],
  ])('refuses Person.reintegrationEnrolments through _entities to %s', async (_who, as, code) => {
    const result = await execute(server, ENROLMENTS, person, as);
    expect(result.data?._entities).toEqual([{ reintegrationEnrolments: null }]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(result.errors?.[0]?.path).toEqual(['_entities', 0, 'reintegrationEnrolments']);
  });

  it.each<[string, As]>([
    ['a labour officer', labourOfficer],
    ['a labour officer of the same region', callerAs('LABOUR_OFFICER', { region: REGION })],
    ['the data subject', callerAs('DATA_SUBJECT', { pin: PIN })],
  ])('gives Person.reintegrationEnrolments to %s', async (_who, as) => {
    const result = await execute(server, ENROLMENTS, person, as);
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([{ reintegrationEnrolments: [enrolment] }]);
  });

  it.each<[string, As, string]>([
    ['a migration officer', callerAs('MIGRATION_OFFICER'), 'FORBIDDEN'],
    ['the data subject', callerAs('DATA_SUBJECT', { pin: OTHER_PIN }), 'FORBIDDEN'],
    [
      'a labour officer declaring no purpose',
      { caller: labourOfficer.caller, purpose: null },
      'FORBIDDEN',
    ],
    ['an anonymous caller', { caller: null }, 'UNAUTHENTICATED'],
  ])('refuses enrolInReintegration to %s, writing nothing', async (_who, as, code) => {
    const result = await execute(
      server,
      ENROL,
      { input: { pin: OTHER_PIN, programme: 'COUNSELLING', enrolledOn: '2024-01-10' } },
      as,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(result.data ?? null).toBeNull();
    expect(await enrolments().countDocuments({ pin: OTHER_PIN })).toBe(0);
  });

  it.each<[string, As, string]>([
    ['a health officer', callerAs('HEALTH_OFFICER'), 'FORBIDDEN'],
    ['a pension officer', callerAs('PENSION_OFFICER'), 'FORBIDDEN'],
    [
      'a labour officer declaring no purpose',
      { caller: labourOfficer.caller, purpose: null },
      'FORBIDDEN',
    ],
    ['an anonymous caller', { caller: null }, 'UNAUTHENTICATED'],
  ])('refuses updateReintegrationStatus to %s, changing nothing', async (_who, as, code) => {
    const result = await execute(
      server,
      UPDATE,
      { input: { id, status: 'COMPLETED', on: '2024-01-10' } },
      as,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(result.data ?? null).toBeNull();
    expect(await enrolments().findOne({ _id: new Types.ObjectId(id) })).toMatchObject({
      status: 'ENROLLED',
      completedOn: null,
    });
  });

  it('audits an allowed read as ALLOWED and a refused one as DENIED', async () => {
    await execute(server, ENROLMENTS, person, {
      ...labourOfficer,
      headers: { 'x-request-id': 'labour-reintegration-allowed' },
    });
    expect(await auditOf('labour-reintegration-allowed')).toEqual([
      expect.objectContaining({
        fields: ['Person.reintegrationEnrolments'],
        pins: [PIN],
        roles: ['LABOUR_OFFICER'],
        purpose: 'EMPLOYMENT_SERVICES',
        outcome: 'ALLOWED',
      }),
    ]);

    const migration = callerAs('MIGRATION_OFFICER');
    await execute(server, ENROLMENTS, person, {
      ...migration,
      headers: { 'x-request-id': 'labour-reintegration-denied' },
    });
    expect(await auditOf('labour-reintegration-denied')).toEqual([
      expect.objectContaining({
        roles: ['MIGRATION_OFFICER'],
        purpose: 'MIGRATION_REGISTRATION',
        outcome: 'DENIED',
      }),
    ]);
  });

  it('audits a status update, which names no PIN, as an ALLOWED write', async () => {
    const result = await execute(
      server,
      UPDATE,
      { input: { id, status: 'DROPPED_OUT', on: '2024-02-01' } },
      {
        ...labourOfficer,
        headers: { 'x-request-id': 'labour-reintegration-update' },
      },
    );
    expect(result.errors).toBeUndefined();
    expect(await auditOf('labour-reintegration-update')).toEqual([
      expect.objectContaining({
        fields: ['Mutation.updateReintegrationStatus'],
        pins: [],
        outcome: 'ALLOWED',
      }),
    ]);
  });
});
