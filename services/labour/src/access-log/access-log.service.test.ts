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

const LOG = /* GraphQL */ `
  query Log($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on PersonAccessLog {
        pin
        labour {
          service
          roles
          purpose
          operation
          fields
          outcome
          requestId
        }
      }
    }
  }
`;
const log = { reps: [{ __typename: 'PersonAccessLog', pin: PIN }] };

describe('labour: its part of a person access log', () => {
  let connection: Connection;
  let server: Awaited<ReturnType<typeof createLabourServer>>;

  beforeAll(async () => {
    connection = await openTestDatabase('labour');
    server = await createLabourServer({ connection, log: quietLogger(), access: testAccess() });
    await prepareTestDatabase(connection);
    const recorded = await execute(
      server,
      `mutation Record($input: RecordSkillInput!) { recordSkill(input: $input) { id } }`,
      { input: { pin: PIN, name: 'Welding', level: 'BASIC' } },
      { ...callerAs('LABOUR_OFFICER'), headers: { 'x-request-id': 'labour-log-write' } },
    );
    expect(recorded.errors).toBeUndefined();
  });
  afterAll(async () => {
    await server.apollo.stop();
    await dropTestDatabase(connection);
  });

  it.each<[string, As]>([
    ['an auditor', callerAs('AUDITOR')],
    ['the data subject', callerAs('DATA_SUBJECT', { pin: PIN })],
  ])('gives PersonAccessLog.labour to %s', async (_who, as) => {
    const result = await execute(server, LOG, log, as);
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities[0].pin).toBe(PIN);
    expect(result.data?._entities[0].labour).toContainEqual({
      service: 'labour',
      roles: ['LABOUR_OFFICER'],
      purpose: 'EMPLOYMENT_SERVICES',
      operation: 'Record',
      fields: ['Mutation.recordSkill'],
      outcome: 'ALLOWED',
      requestId: 'labour-log-write',
    });
  });

  it.each<[string, As, string]>([
    ['a labour officer', callerAs('LABOUR_OFFICER'), 'FORBIDDEN'],
    ['an analyst', callerAs('ANALYST'), 'FORBIDDEN'],
    ['another data subject', callerAs('DATA_SUBJECT', { pin: OTHER_PIN }), 'FORBIDDEN'],
    ['an anonymous caller', { caller: null }, 'UNAUTHENTICATED'],
  ])('refuses PersonAccessLog.labour to %s', async (_who, as, code) => {
    const result = await execute(server, LOG, log, as);
    expect(result.data?._entities).toEqual([{ pin: PIN, labour: null }]);
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(result.errors?.[0]?.path).toEqual(['_entities', 0, 'labour']);
  });
});
