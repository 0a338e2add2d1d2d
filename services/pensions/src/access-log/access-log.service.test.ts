import type { Connection } from 'mongoose';
import {
  callerAs,
  dropTestDatabase,
  execute,
  openTestDatabase,
  prepareTestDatabase,
  quietLogger,
  testAccess,
} from '@jol/testkit/service';
import { createPensionsServer } from '../server';

const READ_PERIODS = /* GraphQL */ `
  query ReadPeriods($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Person {
        insurancePeriods {
          country
        }
      }
    }
  }
`;

const ACCESS_LOG = /* GraphQL */ `
  query ($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on PersonAccessLog {
        pin
        pensions {
          events {
            service
            roles
            purpose
            callerOperationName
            fields
            outcome
          }
        }
      }
    }
  }
`;

const PIN = '10404199100050';

describe('pensions: access log', () => {
  let connection: Connection;
  let server: Awaited<ReturnType<typeof createPensionsServer>>;

  beforeAll(async () => {
    connection = await openTestDatabase('pensions');
    server = await createPensionsServer({ connection, log: quietLogger(), access: testAccess() });
    await prepareTestDatabase(connection);
    const read = await execute(server, READ_PERIODS, {
      reps: [{ __typename: 'Person', pin: PIN }],
    });
    if (read.errors) throw new Error(JSON.stringify(read.errors));
  });
  afterAll(async () => {
    await server.apollo.stop();
    await dropTestDatabase(connection);
  });

  it.each([
    ['the data subject', callerAs('DATA_SUBJECT', { pin: PIN })],
    ['an auditor', callerAs('AUDITOR')],
  ])("shows %s this subgraph's reads of the person", async (_who, as) => {
    const result = await execute(
      server,
      ACCESS_LOG,
      { reps: [{ __typename: 'PersonAccessLog', pin: PIN }] },
      as,
    );
    expect(result.errors).toBeUndefined();
    const [log] = result.data?._entities ?? [];
    expect(log.pin).toBe(PIN);
    // Newest first: the oldest event is the officer's read; later ones are reads of this log.
    expect(log.pensions.events.at(-1)).toEqual({
      service: 'pensions',
      roles: ['PENSION_OFFICER'],
      purpose: 'PENSION_ASSESSMENT',
      callerOperationName: 'ReadPeriods',
      fields: ['Person.insurancePeriods'],
      outcome: 'ALLOWED',
    });
  });

  it.each([
    ['a pension officer', callerAs('PENSION_OFFICER')],
    ['the data subject of another PIN', callerAs('DATA_SUBJECT', { pin: '20101199099999' })],
  ])('refuses the log to %s', async (_who, as) => {
    const result = await execute(
      server,
      ACCESS_LOG,
      { reps: [{ __typename: 'PersonAccessLog', pin: PIN }] },
      as,
    );
    expect(result.data?._entities).toEqual([{ pin: PIN, pensions: null }]);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
