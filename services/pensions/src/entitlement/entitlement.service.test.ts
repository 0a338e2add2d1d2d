import type { Connection } from 'mongoose';
import type { Caller } from '@jol/kernel';
import {
  callerAs,
  dropTestDatabase,
  execute,
  openTestDatabase,
  prepareTestDatabase,
  quietLogger,
  testAccess,
} from '@jol/testkit/service';
import { createPensionsModels } from '../context';
import { ensurePartnerRegistry } from '../partner/partner.registry';
import { createPensionsServer } from '../server';

const RECORD = /* GraphQL */ `
  mutation Record($input: RecordInsurancePeriodInput!) {
    recordInsurancePeriod(input: $input) {
      id
    }
  }
`;

const ENTITLEMENT = /* GraphQL */ `
  query Entitlement($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Person {
        pin
        pensionEntitlement(asOf: "2025-06-30") {
          asOf
          retirementAge
          retirementAgeReachedOn
          ageReached
          requiredRecord {
            years
          }
          kyrgyzRecord {
            years
            months
            days
          }
          foreignRecord {
            totalDays
          }
          totalized
          fullRecordReached
          periods {
            country
            counted
            countedDays
            agreement
            reason
          }
          legalBasis
        }
      }
    }
  }
`;

type As = { caller: Caller | null; purpose: string | null };
const PIN = '20905196200019';
const OTHER = '10101196300020';
const person = {
  __typename: 'Person',
  pin: PIN,
  homeRegion: 'KG-O',
  birthDate: '1962-05-09',
  sex: 'MALE',
};

describe('pensions: Person.pensionEntitlement', () => {
  let connection: Connection;
  let server: Awaited<ReturnType<typeof createPensionsServer>>;

  beforeAll(async () => {
    connection = await openTestDatabase('pensions');
    server = await createPensionsServer({ connection, log: quietLogger(), access: testAccess() });
    await prepareTestDatabase(connection);
    await ensurePartnerRegistry(createPensionsModels(connection));
    for (const [country, from, to, source] of [
      ['KG', '1990-01-01', '2009-12-31', 'DOMESTIC'],
      ['RU', '2010-01-01', '2020-12-31', 'PARTNER_REPORTED'],
      ['RU', '2021-01-01', '2024-12-31', 'PARTNER_REPORTED'],
    ]) {
      const r = await execute(server, RECORD, {
        input: { pin: PIN, country, from, to, type: 'EMPLOYMENT', source },
      });
      if (r.errors) throw new Error(JSON.stringify(r.errors));
    }
  });
  afterAll(async () => {
    await server.apollo.stop();
    await dropTestDatabase(connection);
  });

  it('sums the Russian periods the EAEU agreement covers when the Kyrgyz record is short, and says why', async () => {
    const result = await execute(server, ENTITLEMENT, { reps: [person] });
    expect(result.errors).toBeUndefined();
    const entitlement = result.data?._entities[0].pensionEntitlement;
    expect(entitlement).toMatchObject({
      asOf: '2025-06-30',
      retirementAge: 63,
      retirementAgeReachedOn: '2025-05-09',
      ageReached: true,
      requiredRecord: { years: 25 },
      kyrgyzRecord: { years: 20, months: 3, days: 15 },
      foreignRecord: { totalDays: 1461 },
      totalized: true,
      fullRecordReached: false,
      legalBasis: expect.stringContaining('No. 57 of 21 July 1997'),
    });
    expect(entitlement.periods).toEqual([
      {
        country: 'KG',
        counted: true,
        countedDays: 7305,
        agreement: null,
        reason: 'Kyrgyz insurance period',
      },
      {
        country: 'RU',
        counted: false,
        countedDays: 0,
        agreement: null,
        reason:
          'not counted: outside the periods its agreements cover (EAEU-2019 from 2021-01-01) (CIS-1992 ceased to apply to RU after 2022-12-31)',
      },
      {
        country: 'RU',
        counted: true,
        countedDays: 1461,
        agreement: 'EAEU-2019',
        reason: 'summed under EAEU-2019',
      },
    ]);
  });

  it('knows no age or full record when the representation lacks birth date and sex', async () => {
    const result = await execute(server, ENTITLEMENT, {
      reps: [{ __typename: 'Person', pin: PIN, homeRegion: 'KG-O' }],
    });
    expect(result.data?._entities[0].pensionEntitlement).toMatchObject({
      retirementAge: null,
      ageReached: null,
      requiredRecord: null,
      fullRecordReached: null,
    });
  });

  describe('access', () => {
    it.each<[string, As, Record<string, unknown>]>([
      ['a partner institution', callerAs('PARTNER', { partner: 'RU-SFR' }), person],
      ['an analyst', callerAs('ANALYST'), person],
      ['a migration officer', callerAs('MIGRATION_OFFICER'), person],
      ['the data subject of another PIN', callerAs('DATA_SUBJECT', { pin: OTHER }), person],
      [
        'a pension officer of another region',
        callerAs('PENSION_OFFICER', { region: 'KG-C' }),
        person,
      ],
      [
        'a pension officer without a purpose',
        { ...callerAs('PENSION_OFFICER'), purpose: null },
        person,
      ],
    ])('_entities refuses pensionEntitlement to %s', async (_who, as, representation) => {
      const result = await execute(server, ENTITLEMENT, { reps: [representation] }, as);
      expect(result.data?._entities).toEqual([{ pin: PIN, pensionEntitlement: null }]);
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(result.errors?.[0]?.path).toEqual(['_entities', 0, 'pensionEntitlement']);
    });

    it('_entities refuses pensionEntitlement to an anonymous caller as UNAUTHENTICATED', async () => {
      const result = await execute(server, ENTITLEMENT, { reps: [person] }, { caller: null });
      expect(result.data?._entities).toEqual([{ pin: PIN, pensionEntitlement: null }]);
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it.each<[string, As]>([
      ['a pension officer of the home region', callerAs('PENSION_OFFICER', { region: 'KG-O' })],
      ['the data subject', callerAs('DATA_SUBJECT', { pin: PIN })],
    ])('_entities gives pensionEntitlement to %s', async (_who, as) => {
      const result = await execute(server, ENTITLEMENT, { reps: [person] }, as);
      expect(result.errors).toBeUndefined();
      expect(result.data?._entities[0].pensionEntitlement.retirementAge).toBe(63);
    });

    it('audits an allowed read and a refused one', async () => {
      await execute(
        server,
        ENTITLEMENT,
        { reps: [person] },
        { headers: { 'x-request-id': 'entitlement-ok' } },
      );
      await execute(
        server,
        ENTITLEMENT,
        { reps: [person] },
        {
          ...callerAs('PARTNER', { partner: 'RU-SFR' }),
          headers: { 'x-request-id': 'entitlement-denied' },
        },
      );
      const events = connection.collection('audit_events');
      expect(await events.find({ requestId: 'entitlement-ok' }).toArray()).toEqual([
        expect.objectContaining({
          served: ['Person.pensionEntitlement'],
          pins: [PIN],
          roles: ['PENSION_OFFICER'],
          purpose: 'PENSION_ASSESSMENT',
          outcome: 'ALLOWED',
        }),
      ]);
      expect(await events.find({ requestId: 'entitlement-denied' }).toArray()).toEqual([
        expect.objectContaining({
          refused: ['Person.pensionEntitlement'],
          pins: [PIN],
          roles: ['PARTNER'],
          outcome: 'DENIED',
        }),
      ]);
    });
  });
});
