import type { Connection } from 'mongoose';
import {
  callerAs,
  dropTestDatabase,
  execute,
  openTestDatabase,
  prepareTestDatabase,
  quietLogger,
  testAccess,
} from '@jol/schema/testing';
import type { Caller } from '@jol/schema';
import { createPensionsServer } from '../server';

const RECORD = /* GraphQL */ `
  mutation Record($input: RecordInsurancePeriodInput!) {
    recordInsurancePeriod(input: $input) {
      id
    }
  }
`;

const LENGTH = 'years months days totalDays';
const SUMMARY = /* GraphQL */ `
  query ($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Person {
        pin
        insurancePeriods { country }
        serviceSummary {
          home { ${LENGTH} } abroad { ${LENGTH} } total { ${LENGTH} } periodsAbroad countries
        }
      }
    }
  }
`;

const READ = /* GraphQL */ `
  query PensionsServiceSummary($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Person {
        pin
        serviceSummary {
          total {
            totalDays
          }
          countries
        }
      }
    }
  }
`;

type As = { caller: Caller | null; purpose: string | null };

const BEKZAT = '21207198700011';
const AIGUL = '11111199000022';

describe('pensions: service summary', () => {
  let connection: Connection;
  let server: Awaited<ReturnType<typeof createPensionsServer>>;

  beforeAll(async () => {
    connection = await openTestDatabase('pensions');
    server = await createPensionsServer({ connection, log: quietLogger(), access: testAccess() });
    await prepareTestDatabase(connection);
    const periods = [
      {
        pin: BEKZAT,
        country: 'KG',
        from: '2008-01-01',
        to: '2009-12-31',
        type: 'EMPLOYMENT',
        source: 'DOMESTIC',
      },
      {
        pin: BEKZAT,
        country: 'RU',
        from: '2010-01-01',
        to: '2012-02-29',
        type: 'EMPLOYMENT',
        source: 'PARTNER_REPORTED',
      },
      {
        pin: BEKZAT,
        country: 'KZ',
        from: '2013-05-05',
        to: '2013-05-05',
        type: 'OTHER',
        source: 'PARTNER_REPORTED',
      },
      {
        pin: BEKZAT,
        country: 'RU',
        from: '2014-01-01',
        to: '2014-06-30',
        type: 'VOLUNTARY',
        source: 'VOLUNTARY_FROM_ABROAD',
      },
      {
        pin: AIGUL,
        country: 'KG',
        from: '2020-02-29',
        to: '2020-02-29',
        type: 'CHILD_CARE',
        source: 'DOMESTIC',
      },
    ];
    for (const input of periods) {
      const result = await execute(server, RECORD, { input });
      if (result.errors) throw new Error(JSON.stringify(result.errors));
    }
  });
  afterAll(async () => {
    await server.apollo.stop();
    await dropTestDatabase(connection);
  });

  it('computes serviceSummary through _entities from the same single read as insurancePeriods', async () => {
    const { models } = server.createContext();
    const find = jest.spyOn(models.InsurancePeriod, 'find');
    try {
      const result = await execute(server, SUMMARY, {
        reps: [
          { __typename: 'Person', pin: BEKZAT },
          { __typename: 'Person', pin: AIGUL },
          { __typename: 'Person', pin: '20101199099999' },
        ],
      });
      expect(result.errors).toBeUndefined();
      const zero = { years: 0, months: 0, days: 0, totalDays: 0 };
      // Home 2008-2009: 366 + 365 = 731 days. Abroad: 2010-01-01..2012-02-29 = 365 + 365 + 60 = 790,
      // 1 day in KZ and 181 days in 2014, 972 days. By 30-day months and 12-month years.
      expect(result.data?._entities).toEqual([
        {
          pin: BEKZAT,
          insurancePeriods: [
            { country: 'KG' },
            { country: 'RU' },
            { country: 'KZ' },
            { country: 'RU' },
          ],
          serviceSummary: {
            home: { years: 2, months: 0, days: 11, totalDays: 731 },
            abroad: { years: 2, months: 8, days: 12, totalDays: 972 },
            total: { years: 4, months: 8, days: 23, totalDays: 1703 },
            periodsAbroad: 3,
            countries: ['KG', 'KZ', 'RU'],
          },
        },
        {
          pin: AIGUL,
          insurancePeriods: [{ country: 'KG' }],
          serviceSummary: {
            home: { years: 0, months: 0, days: 1, totalDays: 1 },
            abroad: zero,
            total: { years: 0, months: 0, days: 1, totalDays: 1 },
            periodsAbroad: 0,
            countries: ['KG'],
          },
        },
        {
          pin: '20101199099999',
          insurancePeriods: [],
          serviceSummary: {
            home: zero,
            abroad: zero,
            total: zero,
            periodsAbroad: 0,
            countries: [],
          },
        },
      ]);
      expect(find).toHaveBeenCalledTimes(1);
    } finally {
      find.mockRestore();
    }
  });

  describe('access', () => {
    const pin = AIGUL;
    const other = BEKZAT;
    const person = { __typename: 'Person', pin, homeRegion: 'KG-GB' };
    const summary = { total: { totalDays: 1 }, countries: ['KG'] };

    it.each<[string, As, Record<string, unknown>]>([
      ['an analyst', callerAs('ANALYST'), person],
      ['a partner institution', callerAs('PARTNER', { partner: 'TR-SGK' }), person],
      ['a labour officer', callerAs('LABOUR_OFFICER'), person],
      ['a health officer', callerAs('HEALTH_OFFICER'), person],
      ['a migration officer', callerAs('MIGRATION_OFFICER'), person],
      ['the data subject of another PIN', callerAs('DATA_SUBJECT', { pin: other }), person],
      [
        'a pension officer for a purpose not his',
        { ...callerAs('PENSION_OFFICER'), purpose: 'PENSION_EXCHANGE' },
        person,
      ],
      [
        'a pension officer without a purpose',
        { ...callerAs('PENSION_OFFICER'), purpose: null },
        person,
      ],
      [
        'a pension officer of another region',
        callerAs('PENSION_OFFICER', { region: 'KG-GO' }),
        person,
      ],
      [
        'a regional pension officer when the home region is unknown',
        callerAs('PENSION_OFFICER', { region: 'KG-GB' }),
        { __typename: 'Person', pin },
      ],
    ])('_entities refuses serviceSummary to %s', async (_who, as, representation) => {
      const result = await execute(server, READ, { reps: [representation] }, as);
      expect(result.data?._entities).toEqual([{ pin, serviceSummary: null }]);
      expect(result.errors).toHaveLength(1);
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(result.errors?.[0]?.path).toEqual(['_entities', 0, 'serviceSummary']);
    });

    it('_entities refuses serviceSummary to an anonymous caller as UNAUTHENTICATED', async () => {
      const result = await execute(server, READ, { reps: [person] }, { caller: null });
      expect(result.data?._entities).toEqual([{ pin, serviceSummary: null }]);
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it.each<[string, As]>([
      ['a pension officer', callerAs('PENSION_OFFICER')],
      ['a pension officer of the home region', callerAs('PENSION_OFFICER', { region: 'KG-GB' })],
      ['the data subject', callerAs('DATA_SUBJECT', { pin })],
    ])('_entities gives serviceSummary to %s', async (_who, as) => {
      const result = await execute(server, READ, { reps: [person] }, as);
      expect(result.errors).toBeUndefined();
      expect(result.data?._entities).toEqual([{ pin, serviceSummary: summary }]);
    });

    it('audits an allowed read with the fields, PIN, role, purpose and outcome', async () => {
      const requestId = 'pensions-summary-allowed';
      const result = await execute(
        server,
        READ,
        { reps: [person] },
        {
          ...callerAs('PENSION_OFFICER', { region: 'KG-GB' }),
          headers: { 'x-request-id': requestId },
        },
      );
      expect(result.errors).toBeUndefined();
      const events = await connection.collection('audit_events').find({ requestId }).toArray();
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        service: 'pensions',
        operation: 'PensionsServiceSummary',
        fields: ['Person.serviceSummary'],
        pins: [pin],
        roles: ['PENSION_OFFICER'],
        purpose: 'PENSION_ASSESSMENT',
        outcome: 'ALLOWED',
      });
    });

    it('audits a refused read as DENIED', async () => {
      const requestId = 'pensions-summary-denied';
      await execute(
        server,
        READ,
        { reps: [person] },
        {
          ...callerAs('PENSION_OFFICER', { region: 'KG-GO' }),
          headers: { 'x-request-id': requestId },
        },
      );
      const events = await connection.collection('audit_events').find({ requestId }).toArray();
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        service: 'pensions',
        roles: ['PENSION_OFFICER'],
        purpose: 'PENSION_ASSESSMENT',
        outcome: 'DENIED',
      });
    });
  });
});
