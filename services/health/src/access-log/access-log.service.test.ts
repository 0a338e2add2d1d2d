import { callerAs, execute, useTestSubgraph } from '@jol/testkit/service';
import { createHealthServer } from '../server';

const LOG = /* GraphQL */ `
  query ($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on PersonAccessLog {
        pin
        health {
          events {
            service
            roles
            purpose
            fields
            outcome
          }
        }
      }
    }
  }
`;

describe('health: access log', () => {
  const subgraph = useTestSubgraph('health', createHealthServer);
  const pin = '10503199012345';
  const reps = [{ __typename: 'PersonAccessLog', pin }];

  beforeAll(async () => {
    const read = await execute(
      subgraph.server,
      '{ _entities(representations: [{ __typename: "Person", pin: "10503199012345" }]) { ... on Person { screenings { kind } } } }',
    );
    expect(read.errors).toBeUndefined();
  });

  it.each([
    ['the data subject', callerAs('DATA_SUBJECT', { pin })],
    ['an auditor', callerAs('AUDITOR')],
  ])("shows health's events about the person to %s", async (_who, as) => {
    const result = await execute(subgraph.server, LOG, { reps }, as);
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities[0].health.events).toContainEqual({
      service: 'health',
      roles: ['HEALTH_OFFICER'],
      purpose: 'MEDICAL_CARE',
      fields: ['Person.screenings'],
      outcome: 'ALLOWED',
    });
  });

  it.each([
    ['a health officer', 'FORBIDDEN', callerAs('HEALTH_OFFICER')],
    [
      'the data subject of another PIN',
      'FORBIDDEN',
      callerAs('DATA_SUBJECT', { pin: '20101199099999' }),
    ],
    ['an anonymous caller', 'UNAUTHENTICATED', { caller: null, purpose: null }],
  ])('refuses the log to %s with %s', async (_who, code, as) => {
    const result = await execute(subgraph.server, LOG, { reps }, as);
    expect(result.data?._entities).toEqual([{ pin, health: null }]);
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
  });
});
