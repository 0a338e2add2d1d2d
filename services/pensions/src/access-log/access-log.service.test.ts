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

describe('pensions: access log, the institution that read', () => {
  let connection: Connection;
  let server: Awaited<ReturnType<typeof createPensionsServer>>;
  const pin = '10404199100051';

  beforeAll(async () => {
    connection = await openTestDatabase('pensions');
    server = await createPensionsServer({ connection, log: quietLogger(), access: testAccess() });
    await prepareTestDatabase(connection);
  });
  afterAll(async () => {
    await server.apollo.stop();
    await dropTestDatabase(connection);
  });

  it('names an officer by its agency, not by a partner claim its role does not act under', async () => {
    // An identity provider's stray claim: the officer reads as an officer, so the person must not
    // be told a foreign institution read their record.
    const officer = callerAs('PENSION_OFFICER', { agency: 'pensions', partner: 'RU-SFR' });
    const read = await execute(
      server,
      READ_PERIODS,
      { reps: [{ __typename: 'Person', pin }] },
      officer,
    );
    expect(read.errors).toBeUndefined();
    const result = await execute(
      server,
      /* GraphQL */ `
        query ($reps: [_Any!]!) {
          _entities(representations: $reps) {
            ... on PersonAccessLog {
              pensions {
                events {
                  roles
                  institution {
                    kind
                    code
                  }
                }
              }
            }
          }
        }
      `,
      { reps: [{ __typename: 'PersonAccessLog', pin }] },
      callerAs('DATA_SUBJECT', { pin }),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities[0].pensions.events.at(-1)).toEqual({
      roles: ['PENSION_OFFICER'],
      institution: { kind: 'AGENCY', code: 'pensions' },
    });
  });
});
