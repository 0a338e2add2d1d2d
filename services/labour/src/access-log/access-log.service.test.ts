import {
  anonymous,
  callerAs,
  execute,
  itRefusesEntityField,
  useTestSubgraph,
  type ExecuteAs,
} from '@jol/schema/testing';
import { createLabourServer } from '../server';

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
  const subgraph = useTestSubgraph('labour', createLabourServer);

  beforeAll(async () => {
    const recorded = await execute(
      subgraph.server,
      `mutation Record($input: RecordSkillInput!) { recordSkill(input: $input) { id } }`,
      { input: { pin: PIN, name: 'Welding', level: 'BASIC' } },
      { ...callerAs('LABOUR_OFFICER'), headers: { 'x-request-id': 'labour-log-write' } },
    );
    expect(recorded.errors).toBeUndefined();
  });

  it.each<[string, ExecuteAs]>([
    ['an auditor', callerAs('AUDITOR')],
    ['the data subject', callerAs('DATA_SUBJECT', { pin: PIN })],
  ])('gives PersonAccessLog.labour to %s', async (_who, as) => {
    const result = await execute(subgraph.server, LOG, log, as);
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

  itRefusesEntityField(
    subgraph,
    { query: LOG, representation: log.reps[0]!, field: 'labour', alongside: { pin: PIN } },
    [
      ['a labour officer', 'FORBIDDEN', callerAs('LABOUR_OFFICER')],
      ['an analyst', 'FORBIDDEN', callerAs('ANALYST')],
      ['another data subject', 'FORBIDDEN', callerAs('DATA_SUBJECT', { pin: OTHER_PIN })],
      ['an anonymous caller', 'UNAUTHENTICATED', anonymous],
    ],
  );
});
