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

const OPEN = /* GraphQL */ `
  mutation OpenCase($input: OpenPensionExchangeCaseInput!) {
    openPensionExchangeCase(input: $input) {
      caseId
      pin
      foreignId
      openedAt
      partner {
        code
      }
      agreement {
        code
      }
    }
  }
`;

const CASE = /* GraphQL */ `
  query Case($caseId: ID!) {
    pensionExchangeCase(caseId: $caseId) {
      caseId
      pin
      person {
        pin
      }
      kyrgyzPeriods {
        country
        from
        to
        type
        years
        months
        days
      }
    }
  }
`;

const CASES = /* GraphQL */ `
  query Cases($pin: PIN!) {
    pensionExchangeCases(pin: $pin) {
      caseId
      partner {
        code
      }
    }
  }
`;

const RECORD_PERIOD = /* GraphQL */ `
  mutation Record($input: RecordInsurancePeriodInput!) {
    recordInsurancePeriod(input: $input) {
      id
    }
  }
`;

const REGISTRY = /* GraphQL */ `
  query Registry {
    pensionPartners {
      code
      country
      personIdName
      agreements {
        agreement {
          code
          inForceFrom
        }
        periodsUntil
        endedOn
      }
    }
    pensionAgreements {
      code
      benefit
      periodsFrom
    }
  }
`;

type As = { caller: Caller | null; purpose: string | null };
const partner = (code: string): As => callerAs('PARTNER', { partner: code });
const RU = partner('RU-SFR');
const KZ = partner('KZ-GK');
const TR = partner('TR-SGK');
const SNILS = '112-233-445 95';
const IIN = '900101300007';
const TCKN = '10000000146';

/** Persons whose stays abroad the register knows: only in Turkiye, or nowhere at all. */
const IN_TURKIYE = '10606199000016';
const NOWHERE = '10707199000017';
const INSURED_IN_KAZAKHSTAN = '10808199000018';
const STAYS = new Map<string, readonly string[]>([
  [IN_TURKIYE, ['TR']],
  [NOWHERE, []],
  [INSURED_IN_KAZAKHSTAN, []],
]);

describe('pensions: partner registry and exchange cases', () => {
  let connection: Connection;
  let server: Awaited<ReturnType<typeof createPensionsServer>>;
  const cases = () => connection.collection('pension_exchange_cases');
  const audit = (requestId: string) =>
    connection.collection('audit_events').find({ requestId }).toArray();

  const open = async (as: As, input: Record<string, unknown>, requestId?: string) =>
    execute(
      server,
      OPEN,
      { input },
      { ...as, ...(requestId ? { headers: { 'x-request-id': requestId } } : {}) },
    );

  beforeAll(async () => {
    connection = await openTestDatabase('pensions');
    server = await createPensionsServer({
      connection,
      log: quietLogger(),
      access: testAccess(new Map(), STAYS),
    });
    await prepareTestDatabase(connection);
    await ensurePartnerRegistry(createPensionsModels(connection));
  });
  afterAll(async () => {
    await server.apollo.stop();
    await dropTestDatabase(connection);
  });

  describe('registry', () => {
    it('is written once however often it is ensured, keeping a status set in the store', async () => {
      const partners = connection.collection<{ _id: string; status: string }>('pension_partners');
      await partners.updateOne({ _id: 'KZ-ENPF' }, { $set: { status: 'SUSPENDED' } });
      await ensurePartnerRegistry(createPensionsModels(connection));
      expect(await partners.countDocuments()).toBe(4);
      expect(await connection.collection('pension_agreements').countDocuments()).toBe(4);
      expect((await partners.findOne({ _id: 'KZ-ENPF' }))?.status).toBe('SUSPENDED');
      await partners.updateOne({ _id: 'KZ-ENPF' }, { $set: { status: 'ACTIVE' } });
    });

    it('tells any authenticated caller the partners and the agreements they rely on', async () => {
      for (const as of [RU, callerAs('PENSION_OFFICER'), callerAs('ANALYST')]) {
        const result = await execute(server, REGISTRY, {}, as);
        expect(result.errors).toBeUndefined();
        const ru = result.data?.pensionPartners.find((p: { code: string }) => p.code === 'RU-SFR');
        expect(ru).toEqual({
          code: 'RU-SFR',
          country: 'RU',
          personIdName: 'SNILS',
          agreements: [
            {
              agreement: { code: 'EAEU-2019', inForceFrom: '2021-01-01' },
              periodsUntil: null,
              endedOn: null,
            },
            {
              agreement: { code: 'CIS-1992', inForceFrom: '1992-03-13' },
              periodsUntil: '2020-12-31',
              endedOn: '2022-12-31',
            },
          ],
        });
        expect(result.data?.pensionAgreements.map((a: { code: string }) => a.code)).toEqual([
          'CIS-1992',
          'EAEU-2019',
          'KG-KR-2015',
          'KG-TR-2018',
        ]);
      }
    });

    it('refuses an anonymous caller', async () => {
      const result = await execute(server, REGISTRY, {}, { caller: null });
      expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('opening a case', () => {
    const pin = '10101199000011';

    it("opens the partner's case for a person, the identifier normalized, and returns it again", async () => {
      const first = await open(RU, { pin, foreignId: SNILS, agreement: 'EAEU-2019' });
      expect(first.errors).toBeUndefined();
      expect(first.data?.openPensionExchangeCase).toEqual({
        caseId: expect.stringMatching(/^[0-9a-f]{24}$/),
        pin,
        foreignId: '11223344595',
        openedAt: expect.any(String),
        partner: { code: 'RU-SFR' },
        agreement: { code: 'EAEU-2019' },
      });
      const again = await open(RU, { pin, foreignId: '11223344595', agreement: 'EAEU-2019' });
      expect(again.data?.openPensionExchangeCase.caseId).toBe(
        first.data?.openPensionExchangeCase.caseId,
      );
      expect(await cases().countDocuments({ pin })).toBe(1);
    });

    it('opens one case when the same opening races itself', async () => {
      const racer = '10202199000012';
      const results = await Promise.all(
        [1, 2, 3, 4].map(() =>
          open(KZ, { pin: racer, foreignId: '900202300006', agreement: 'EAEU-2019' }),
        ),
      );
      expect(results.map((r) => r.errors)).toEqual([undefined, undefined, undefined, undefined]);
      expect(new Set(results.map((r) => r.data?.openPensionExchangeCase.caseId)).size).toBe(1);
      expect(await cases().countDocuments({ pin: racer })).toBe(1);
    });

    it.each([
      ['an agreement Russia left', RU, { agreement: 'CIS-1992' }, 'agreement', 'CIS-1992'],
      [
        'an agreement it does not rely on',
        TR,
        { agreement: 'EAEU-2019', foreignId: TCKN },
        'agreement',
        'EAEU-2019',
      ],
      ['an unknown agreement', RU, { agreement: 'XX-1' }, 'agreement', 'XX-1'],
      ['a malformed SNILS', RU, { foreignId: '112-233-445 96' }, 'foreignId', '112-233-445 96'],
      ['an IIN of 11 digits', KZ, { foreignId: '90010130000' }, 'foreignId', '90010130000'],
    ])(
      'refuses %s with BAD_USER_INPUT and writes nothing',
      async (_why, as, change, field, shown) => {
        const newcomer = '20303199000013';
        const result = await open(as, {
          pin: newcomer,
          foreignId: SNILS,
          agreement: 'EAEU-2019',
          ...change,
        });
        expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
        expect(result.errors?.[0]?.message).toContain(shown);
        expect(await cases().countDocuments({ pin: newcomer })).toBe(0);
      },
    );

    it('refuses an identifier bound to another PIN at the same partner as CONFLICT, naming neither', async () => {
      const other = '20808199000018';
      const result = await open(RU, { pin: other, foreignId: SNILS, agreement: 'EAEU-2019' });
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        field: 'foreignId',
      });
      expect(result.errors?.[0]?.message).not.toContain(pin);
      expect(await cases().countDocuments({ pin: other })).toBe(0);
    });

    it('binds one identifier to one PIN when openings for several PINs race', async () => {
      const pins = ['10909199000019', '21010199000020', '11111199000021', '21212199000022'];
      const results = await Promise.all(
        pins.map((racer) =>
          open(RU, { pin: racer, foreignId: '100-200-300 30', agreement: 'EAEU-2019' }),
        ),
      );
      const opened = results.filter((r) => r.errors === undefined);
      expect(opened).toHaveLength(1);
      for (const r of results.filter((r) => r.errors !== undefined))
        expect(r.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(await cases().countDocuments({ pin: { $in: pins } })).toBe(1);
    });

    it('refuses the same case with another identifier as CONFLICT', async () => {
      const result = await open(RU, { pin, foreignId: '98765432183', agreement: 'EAEU-2019' });
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        field: 'foreignId',
      });
      expect(await cases().countDocuments({ pin })).toBe(1);
    });

    it.each<[string, As, string]>([
      ['a pension officer', callerAs('PENSION_OFFICER'), 'FORBIDDEN'],
      ['an analyst', callerAs('ANALYST'), 'FORBIDDEN'],
      ['the data subject', callerAs('DATA_SUBJECT', { pin: '20404199000014' }), 'FORBIDDEN'],
      ['a partner without a partner claim', callerAs('PARTNER'), 'FORBIDDEN'],
      ['an unregistered institution', partner('XX-NONE'), 'FORBIDDEN'],
      ['a partner without a purpose', { ...RU, purpose: null }, 'FORBIDDEN'],
      ['an anonymous caller', { caller: null, purpose: null }, 'UNAUTHENTICATED'],
    ])('refuses an opening by %s and writes nothing', async (_who, as, code) => {
      const newcomer = '20404199000014';
      const result = await open(as, { pin: newcomer, foreignId: SNILS, agreement: 'EAEU-2019' });
      expect(result.errors?.[0]?.extensions?.code).toBe(code);
      expect(await cases().countDocuments({ pin: newcomer })).toBe(0);
    });

    it('audits an opening as a write with the PIN, and a refused one as DENIED', async () => {
      const audited = '10505199000015';
      await open(
        RU,
        { pin: audited, foreignId: '123-456-789 64', agreement: 'EAEU-2019' },
        'open-allowed',
      );
      expect(await audit('open-allowed')).toEqual([
        expect.objectContaining({
          served: ['Mutation.openPensionExchangeCase'],
          pins: [audited],
          roles: ['PARTNER'],
          purpose: 'PENSION_EXCHANGE',
          outcome: 'ALLOWED',
        }),
      ]);
      await open(
        partner('XX-NONE'),
        { pin: audited, foreignId: '123-456-789 64', agreement: 'EAEU-2019' },
        'open-denied',
      );
      expect(await audit('open-denied')).toEqual([
        expect.objectContaining({ pins: [audited], outcome: 'DENIED' }),
      ]);
    });
  });

  describe('ties to the partner country', () => {
    const PERIODS = /* GraphQL */ `
      query Periods($caseId: ID!) {
        pensionExchangeCase(caseId: $caseId) {
          kyrgyzPeriods {
            from
          }
        }
      }
    `;

    it('refuses to open a case for a person with no tie to the partner country: FORBIDDEN, nothing stored, audited', async () => {
      // The reviewer's path: a Kazakh institution, a made-up IIN with a valid check digit, a
      // person who only ever stayed in Turkiye; then a read of the periods through the case.
      await execute(server, RECORD_PERIOD, {
        input: {
          pin: IN_TURKIYE,
          country: 'KG',
          from: '2021-01-01',
          to: '2022-12-31',
          type: 'EMPLOYMENT',
          source: 'DOMESTIC',
        },
      });
      const refused = await open(
        KZ,
        { pin: IN_TURKIYE, foreignId: '850715300003', agreement: 'EAEU-2019' },
        'open-untied',
      );
      expect(refused.data?.openPensionExchangeCase ?? null).toBeNull();
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(refused.errors?.[0]?.message).toMatch(/No tie of the person to KZ/);
      expect(await cases().countDocuments({ pin: IN_TURKIYE })).toBe(0);
      expect(
        await connection
          .collection('pension_foreign_id_bindings')
          .countDocuments({ pin: IN_TURKIYE }),
      ).toBe(0);
      expect(await audit('open-untied')).toEqual([
        expect.objectContaining({
          refused: ['Mutation.openPensionExchangeCase'],
          served: [],
          pins: [IN_TURKIYE],
          partner: 'KZ-GK',
          outcome: 'DENIED',
        }),
      ]);
      // No case, so no read of the person through one.
      const listed = await execute(server, CASES, { pin: IN_TURKIYE }, KZ);
      expect(listed.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      // The Turkish institution, whose country the person stayed in, opens and reads.
      const turkish = await open(TR, {
        pin: IN_TURKIYE,
        foreignId: '20000000046',
        agreement: 'KG-TR-2018',
      });
      expect(turkish.errors).toBeUndefined();
      const read = await execute(
        server,
        PERIODS,
        { caseId: turkish.data?.openPensionExchangeCase.caseId },
        TR,
      );
      expect(read.data?.pensionExchangeCase.kyrgyzPeriods).toEqual([{ from: '2021-01-01' }]);
    });

    it('refuses every partner a person with no stay abroad and no insurance abroad', async () => {
      for (const [as, foreignId, agreement] of [
        [RU, '123-456-789 64', 'EAEU-2019'],
        [KZ, '850715300013', 'EAEU-2019'],
        [TR, '20000001036', 'KG-TR-2018'],
      ] as const) {
        const refused = await open(as, { pin: NOWHERE, foreignId, agreement });
        expect([agreement, refused.errors?.[0]?.extensions?.code]).toEqual([
          agreement,
          'FORBIDDEN',
        ]);
      }
      expect(await cases().countDocuments({ pin: NOWHERE })).toBe(0);
    });

    it('takes insurance abroad the Social Fund recorded as a tie, and never a partner report', async () => {
      const input = {
        pin: INSURED_IN_KAZAKHSTAN,
        foreignId: '850715300013',
        agreement: 'EAEU-2019',
      };
      // A partner-reported period is the partner vouching for itself: no tie.
      await connection.collection('insurance_periods').insertOne({
        pin: INSURED_IN_KAZAKHSTAN,
        country: 'KZ',
        from: new Date('2010-01-01T00:00:00Z'),
        to: new Date('2010-12-31T00:00:00Z'),
        type: 'EMPLOYMENT',
        source: 'PARTNER_REPORTED',
      });
      expect((await open(KZ, input)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const recorded = await execute(server, RECORD_PERIOD, {
        input: {
          pin: INSURED_IN_KAZAKHSTAN,
          country: 'KZ',
          from: '2012-01-01',
          to: '2012-12-31',
          type: 'EMPLOYMENT',
          source: 'VOLUNTARY_FROM_ABROAD',
        },
      });
      expect(recorded.errors).toBeUndefined();
      const opened = await open(KZ, input);
      expect(opened.errors).toBeUndefined();
      expect(opened.data?.openPensionExchangeCase.partner).toEqual({ code: 'KZ-GK' });
    });
  });

  describe('reading cases', () => {
    const pin = '10606198000016';
    const stranger = '20707198000017';
    let ruCase: string;
    let kzCase: string;
    let kzCisCase: string;
    let trCase: string;

    beforeAll(async () => {
      const openCase = async (as: As, foreignId: string, agreement: string) => {
        const r = await open(as, { pin, foreignId, agreement });
        if (r.errors) throw new Error(JSON.stringify(r.errors));
        return r.data!.openPensionExchangeCase.caseId as string;
      };
      ruCase = await openCase(RU, '111-222-333 72', 'EAEU-2019');
      kzCase = await openCase(KZ, IIN, 'EAEU-2019');
      kzCisCase = await openCase(KZ, IIN, 'CIS-1992');
      trCase = await openCase(TR, TCKN, 'KG-TR-2018');
      for (const [country, from, to, source] of [
        ['KG', '2015-01-01', '2020-06-30', 'DOMESTIC'],
        ['RU', '2020-07-01', '2021-06-30', 'VOLUNTARY_FROM_ABROAD'],
        ['KG', '2022-01-01', '2023-12-31', 'DOMESTIC'],
        ['KZ', '2024-01-01', '2024-06-30', 'PARTNER_REPORTED'],
      ]) {
        const r = await execute(server, RECORD_PERIOD, {
          input: { pin, country, from, to, type: 'EMPLOYMENT', source },
        });
        if (r.errors) throw new Error(JSON.stringify(r.errors));
      }
    });

    const kyrgyzPeriods = async (as: As, caseId: string) => {
      const result = await execute(server, CASE, { caseId }, as);
      expect(result.errors).toBeUndefined();
      return result.data?.pensionExchangeCase.kyrgyzPeriods.map(
        (p: { from: string; to: string; years: number; months: number; days: number }) =>
          `${p.from}..${p.to} ${p.years}y${p.months}m${p.days}d`,
      );
    };

    it('gives a Russian partner only the Kyrgyz periods from 2021 on (EAEU), clipped', async () => {
      expect(await kyrgyzPeriods(RU, ruCase)).toEqual([
        '2021-01-01..2021-06-30 0y6m1d',
        '2022-01-01..2023-12-31 2y0m10d',
      ]);
    });

    it('gives a Kazakh partner the same under the EAEU case and the earlier ones under the CIS case', async () => {
      expect(await kyrgyzPeriods(KZ, kzCase)).toEqual(await kyrgyzPeriods(RU, ruCase));
      expect(await kyrgyzPeriods(KZ, kzCisCase)).toEqual([
        '2015-01-01..2020-06-30 5y6m28d',
        '2020-07-01..2020-12-31 0y6m4d',
      ]);
    });

    it('gives the Turkish partner every Kyrgyz period, and never a foreign one', async () => {
      const periods = await kyrgyzPeriods(TR, trCase);
      expect(periods).toHaveLength(3);
      const result = await execute(server, CASE, { caseId: trCase }, TR);
      expect(
        result.data?.pensionExchangeCase.kyrgyzPeriods.map((p: { country: string }) => p.country),
      ).toEqual(['KG', 'KG', 'KG']);
    });

    it('names a case by its id in upper case too, as every other id, and still only to its partner', async () => {
      const upper = trCase.toUpperCase();
      const own = await execute(server, CASE, { caseId: upper }, TR);
      expect(own.data?.pensionExchangeCase.caseId).toBe(trCase);
      const other = await execute(server, CASE, { caseId: upper }, RU);
      expect(other.data?.pensionExchangeCase ?? null).toBeNull();
      expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it("refuses a partner another partner's case, and an unknown case, as FORBIDDEN", async () => {
      for (const [as, caseId] of [
        [KZ, ruCase],
        [RU, trCase],
        [RU, '0'.repeat(24)],
        [RU, 'not-an-id'],
      ] as const) {
        const result = await execute(server, CASE, { caseId }, as);
        expect(result.data?.pensionExchangeCase ?? null).toBeNull();
        expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
    });

    it('gives a partner only its own cases of a person, and refuses a person it has no case with', async () => {
      const own = await execute(server, CASES, { pin }, KZ);
      expect(own.data?.pensionExchangeCases).toEqual([
        { caseId: kzCase, partner: { code: 'KZ-GK' } },
        { caseId: kzCisCase, partner: { code: 'KZ-GK' } },
      ]);
      const refused = await execute(server, CASES, { pin: stranger }, RU);
      expect(refused.data?.pensionExchangeCases ?? null).toBeNull();
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const officer = await execute(server, CASES, { pin }, callerAs('PENSION_OFFICER'));
      expect(officer.data?.pensionExchangeCases).toHaveLength(4);
    });

    it('lists the data subject their own cases, with every institution, and no one else their cases', async () => {
      const own = await execute(server, CASES, { pin }, callerAs('DATA_SUBJECT', { pin }));
      expect(own.errors).toBeUndefined();
      const officer = await execute(server, CASES, { pin }, callerAs('PENSION_OFFICER'));
      expect(own.data?.pensionExchangeCases).toHaveLength(4);
      expect(own.data?.pensionExchangeCases).toEqual(officer.data?.pensionExchangeCases);
      const other = await execute(
        server,
        CASES,
        { pin },
        callerAs('DATA_SUBJECT', { pin: stranger }),
      );
      expect(other.data?.pensionExchangeCases ?? null).toBeNull();
      expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const oneCase = await execute(
        server,
        CASE,
        { caseId: ruCase },
        callerAs('DATA_SUBJECT', { pin }),
      );
      expect(oneCase.errors).toBeUndefined();
      expect(oneCase.data?.pensionExchangeCase?.pin).toBe(pin);
    });

    it('refuses cases to roles without the exchange class, a regional officer and anonymous callers', async () => {
      for (const [as, code] of [
        [callerAs('ANALYST'), 'FORBIDDEN'],
        [callerAs('LABOUR_OFFICER'), 'FORBIDDEN'],
        [callerAs('DATA_SUBJECT', { pin: stranger }), 'FORBIDDEN'],
        [callerAs('PENSION_OFFICER', { region: 'KG-O' }), 'FORBIDDEN'],
        [{ caller: null, purpose: null }, 'UNAUTHENTICATED'],
      ] as const) {
        const result = await execute(server, CASE, { caseId: ruCase }, as);
        expect(result.data?.pensionExchangeCase ?? null).toBeNull();
        expect(result.errors?.[0]?.extensions?.code).toBe(code);
      }
    });

    it('widens no slice: a partner with a case is still refused the pension fields of the person', async () => {
      const query = /* GraphQL */ `
        query Slice($reps: [_Any!]!) {
          _entities(representations: $reps) {
            ... on Person {
              pin
              insurancePeriods {
                from
              }
              contributions {
                amount
              }
              serviceSummary {
                periodsAbroad
              }
              pensionEntitlement {
                totalized
              }
            }
          }
        }
      `;
      const result = await execute(
        server,
        query,
        {
          reps: [
            { __typename: 'Person', pin, homeRegion: 'KG-O', birthDate: '1980-06-06', sex: 'MALE' },
          ],
        },
        RU,
      );
      expect(result.data?._entities).toEqual([
        {
          pin,
          insurancePeriods: null,
          contributions: null,
          serviceSummary: null,
          pensionEntitlement: null,
        },
      ]);
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual([
        'FORBIDDEN',
        'FORBIDDEN',
        'FORBIDDEN',
        'FORBIDDEN',
      ]);
    });

    it('refuses a suspended institution its own cases, and new ones, until it is active again', async () => {
      const partners = connection.collection<{ _id: string; status: string }>('pension_partners');
      await partners.updateOne({ _id: 'TR-SGK' }, { $set: { status: 'SUSPENDED' } });
      try {
        const read = await execute(server, CASE, { caseId: trCase }, TR);
        expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        const opened = await open(TR, { pin: stranger, foreignId: TCKN, agreement: 'KG-TR-2018' });
        expect(opened.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
        expect(await cases().countDocuments({ pin: stranger })).toBe(0);
        const officer = await execute(
          server,
          CASE,
          { caseId: trCase },
          callerAs('PENSION_OFFICER'),
        );
        expect(officer.errors).toBeUndefined();
      } finally {
        await partners.updateOne({ _id: 'TR-SGK' }, { $set: { status: 'ACTIVE' } });
      }
      expect((await execute(server, CASE, { caseId: trCase }, TR)).errors).toBeUndefined();
    });

    it("audits a partner's read of a case with the PIN, and a refused one as DENIED with the PIN", async () => {
      await execute(
        server,
        CASE,
        { caseId: ruCase },
        { ...RU, headers: { 'x-request-id': 'case-read' } },
      );
      // The periods sent are named beside the case, so the person sees what went abroad.
      expect(await audit('case-read')).toEqual([
        expect.objectContaining({
          served: ['PensionExchangeCase.kyrgyzPeriods', 'Query.pensionExchangeCase'],
          pins: [pin],
          roles: ['PARTNER'],
          outcome: 'ALLOWED',
        }),
      ]);
      await execute(
        server,
        CASES,
        { pin: stranger },
        { ...RU, headers: { 'x-request-id': 'cases-denied' } },
      );
      expect(await audit('cases-denied')).toEqual([
        expect.objectContaining({
          refused: ['Query.pensionExchangeCases'],
          pins: [stranger],
          outcome: 'DENIED',
        }),
      ]);
      await execute(
        server,
        CASE,
        { caseId: ruCase },
        { ...KZ, headers: { 'x-request-id': 'case-denied' } },
      );
      expect(await audit('case-denied')).toEqual([
        expect.objectContaining({ pins: [pin], outcome: 'DENIED' }),
      ]);
    });
  });
});
