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
  mutation Record($input: RecordSkillInput!) {
    recordSkill(input: $input) {
      id
    }
  }
`;
const SKILLS = /* GraphQL */ `
  query Skills($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Person {
        skills {
          name
          level
        }
      }
    }
  }
`;
const person = { reps: [{ __typename: 'Person', pin: PIN, homeRegion: REGION }] };
const welding = { name: 'Electric welding', level: 'ADVANCED' };
const labourOfficer = callerAs('LABOUR_OFFICER');

describe('labour: access to skills', () => {
  let connection: Connection;
  let server: Awaited<ReturnType<typeof createLabourServer>>;
  const skills = () => connection.collection('skills');
  const auditOf = (requestId: string) =>
    connection.collection('audit_events').find({ requestId }).toArray();

  beforeAll(async () => {
    connection = await openTestDatabase('labour');
    server = await createLabourServer({ connection, log: quietLogger(), access: testAccess() });
    await prepareTestDatabase(connection);
    expect(
      (await execute(server, RECORD, { input: { pin: PIN, ...welding } })).errors,
    ).toBeUndefined();
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
    ['another data subject', callerAs('DATA_SUBJECT', { pin: OTHER_PIN }), 'FORBIDDEN'],
    [
      'a labour officer of another region',
      callerAs('LABOUR_OFFICER', { region: 'KG-O' }),
      'FORBIDDEN',
    ],
    [
      'a labour officer declaring a purpose not his',
      { caller: labourOfficer.caller, purpose: 'AUDIT' },
      'FORBIDDEN',
    ],
    ['an anonymous caller', { caller: null }, 'UNAUTHENTICATED'],
  ])('refuses Person.skills through _entities to %s', async (_who, as, code) => {
    const result = await execute(server, SKILLS, person, as);
    expect(result.data?._entities).toEqual([{ skills: null }]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(result.errors?.[0]?.path).toEqual(['_entities', 0, 'skills']);
  });

  it.each<[string, As]>([
    ['a labour officer', labourOfficer],
    ['a labour officer of the same region', callerAs('LABOUR_OFFICER', { region: REGION })],
    ['the data subject', callerAs('DATA_SUBJECT', { pin: PIN })],
  ])('gives Person.skills to %s', async (_who, as) => {
    const result = await execute(server, SKILLS, person, as);
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([{ skills: [welding] }]);
  });

  it.each<[string, As, string]>([
    ['a health officer', callerAs('HEALTH_OFFICER'), 'FORBIDDEN'],
    ['the data subject', callerAs('DATA_SUBJECT', { pin: OTHER_PIN }), 'FORBIDDEN'],
    [
      'a labour officer declaring no purpose',
      { caller: labourOfficer.caller, purpose: null },
      'FORBIDDEN',
    ],
    ['an anonymous caller', { caller: null }, 'UNAUTHENTICATED'],
  ])('refuses recordSkill to %s, writing nothing', async (_who, as, code) => {
    const result = await execute(server, RECORD, { input: { pin: OTHER_PIN, ...welding } }, as);
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(result.data ?? null).toBeNull();
    expect(await skills().countDocuments({ pin: OTHER_PIN })).toBe(0);
  });

  it('audits an allowed read as ALLOWED and a refused one as DENIED', async () => {
    await execute(server, SKILLS, person, {
      ...labourOfficer,
      headers: { 'x-request-id': 'labour-skills-allowed' },
    });
    expect(await auditOf('labour-skills-allowed')).toEqual([
      expect.objectContaining({
        fields: ['Person.skills'],
        pins: [PIN],
        roles: ['LABOUR_OFFICER'],
        purpose: 'EMPLOYMENT_SERVICES',
        outcome: 'ALLOWED',
      }),
    ]);

    const subject = callerAs('DATA_SUBJECT', { pin: OTHER_PIN });
    await execute(server, SKILLS, person, {
      ...subject,
      headers: { 'x-request-id': 'labour-skills-denied' },
    });
    expect(await auditOf('labour-skills-denied')).toEqual([
      expect.objectContaining({
        roles: ['DATA_SUBJECT'],
        purpose: 'SELF_SERVICE',
        outcome: 'DENIED',
      }),
    ]);
  });
});
