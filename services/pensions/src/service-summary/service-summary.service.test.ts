import {
  callerAs,
  callerWithPurpose,
  execute,
  executeAudited,
  itGivesEntityField,
  itRefusesEntityField,
  itRefusesWithoutHomeRegion,
  officersOtherThan,
  outsidersOf,
  useTestSubgraph,
  type RefusalCase,
} from '@jol/testkit/service';
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

const BEKZAT = '21207198700011';
const AIGUL = '11111199000022';

describe('pensions: service summary', () => {
  const subgraph = useTestSubgraph('pensions', createPensionsServer);

  beforeAll(async () => {
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
      const result = await execute(subgraph.server, RECORD, { input });
      if (result.errors) throw new Error(JSON.stringify(result.errors));
    }
  });

  it('computes serviceSummary through _entities from the same single read as insurancePeriods', async () => {
    const { models } = subgraph.server.createContext();
    const find = jest.spyOn(models.InsurancePeriod, 'find');
    try {
      const result = await execute(subgraph.server, SUMMARY, {
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
    const withoutPurpose: RefusalCase = [
      'a pension officer without a purpose',
      'FORBIDDEN',
      callerWithPurpose('PENSION_OFFICER', null),
    ];
    const person = { __typename: 'Person', pin, homeRegion: 'KG-GB' };
    const read = {
      query: READ,
      representation: person,
      field: 'serviceSummary',
      alongside: { pin },
    };
    const summary = { total: { totalDays: 1 }, countries: ['KG'] };

    itRefusesEntityField(subgraph, read, [
      ...outsidersOf('PENSION_OFFICER', {
        otherPin: other,
        otherRegion: 'KG-GO',
        foreignPurpose: 'PENSION_EXCHANGE',
        partner: 'TR-SGK',
      }),
      ...officersOtherThan('PENSION_OFFICER'),
      withoutPurpose,
    ]);
    itRefusesWithoutHomeRegion(subgraph, read, 'PENSION_OFFICER');

    itGivesEntityField(subgraph, read, summary, [
      ['a pension officer', callerAs('PENSION_OFFICER')],
      ['a pension officer of the home region', callerAs('PENSION_OFFICER', { region: 'KG-GB' })],
      ['the data subject', callerAs('DATA_SUBJECT', { pin })],
    ]);

    it('audits an allowed read with the fields, PIN, role, purpose and outcome', async () => {
      const { result, events } = await executeAudited(
        subgraph,
        'pensions-summary-allowed',
        READ,
        { reps: [person] },
        callerAs('PENSION_OFFICER', { region: 'KG-GB' }),
      );
      expect(result.errors).toBeUndefined();
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        service: 'pensions',
        callerOperationName: 'PensionsServiceSummary',
        served: ['Person.serviceSummary'],
        pins: [pin],
        roles: ['PENSION_OFFICER'],
        purpose: 'PENSION_ASSESSMENT',
        outcome: 'ALLOWED',
      });
    });

    it('audits a refused read as DENIED', async () => {
      const { events } = await executeAudited(
        subgraph,
        'pensions-summary-denied',
        READ,
        { reps: [person] },
        callerAs('PENSION_OFFICER', { region: 'KG-GO' }),
      );
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
