import { MongoClient, type Db } from 'mongodb';
import { verifyAllAuditChains } from '@jol/jobs';
import { refreshStatistics, syntheticRecordKeys } from '@jol/tools';
import { gatewaySeedWriter, seed } from '../seed';
import { startTestSystem, type TestSystem } from '../system/test-system';

/**
 * Corrections and voids through the gateway on the real store: the Social Fund corrects and voids
 * insurance periods, and the entitlement, the history, the indicators (after a refresh) and the
 * audit follow; another agency's officer is refused.
 */

const NURLAN = { pin: '10101196512345', birthDate: '1965-01-01' };

const RECORD = `mutation ($input: RecordInsurancePeriodInput!) { recordInsurancePeriod(input: $input) { id version } }`;
const CORRECT = `mutation ($id: ID!, $version: Int!, $input: RecordInsurancePeriodInput!, $reason: String!) {
  correctInsurancePeriod(id: $id, version: $version, input: $input, reason: $reason) { id version country } }`;
const VOID = `mutation ($id: ID!, $version: Int!, $reason: String!) {
  voidInsurancePeriod(id: $id, version: $version, reason: $reason) { id version superseded { change reason } } }`;
const ENTITLEMENT = `query ($pin: PIN!) { person(pin: $pin) {
  pensionEntitlement(asOf: "2025-06-30") { kyrgyzRecord { totalDays } periods { periodId country } }
  serviceSummary { total { totalDays } }
  insurancePeriods { id version country versions { version country superseded { change reason } } } } }`;

/** 2000 to 2004: five years, two of them leap years. */
const DOMESTIC = {
  pin: NURLAN.pin,
  country: 'KG',
  from: '2000-01-01',
  to: '2004-12-31',
  type: 'EMPLOYMENT',
  source: 'DOMESTIC',
};
const DOMESTIC_DAYS = 5 * 365 + 2;
/** 2010, paid voluntarily from Russia: 365 days. */
const ABROAD = {
  pin: NURLAN.pin,
  country: 'RU',
  from: '2010-01-01',
  to: '2010-12-31',
  type: 'VOLUNTARY',
  source: 'VOLUNTARY_FROM_ABROAD',
};
const ABROAD_DAYS = 365;

jest.setTimeout(120_000);

describe('corrections and voids across the graph', () => {
  let jol: TestSystem;
  let mongo: MongoClient;
  let pensionsDb: Db;
  let officer: Awaited<ReturnType<TestSystem['as']>>;
  const ids: { domestic?: string; abroad?: string } = {};

  const entitlement = async () => {
    const result = await officer(ENTITLEMENT, { pin: NURLAN.pin });
    expect(result.errors).toBeUndefined();
    return result.data!.person;
  };

  /** Persons insured abroad in 2010 in the newest pensions cube, by destination. */
  const insuredAbroadIn2010 = async () => {
    const [build] = await pensionsDb
      .collection('indicator_builds')
      .find()
      .sort({ builtAt: -1 })
      .limit(1)
      .toArray();
    const cells = await pensionsDb
      .collection('indicator_cells')
      .find({ build: build!._id, measure: 'insuredAbroad', year: 2010 })
      .toArray();
    const byDestination: Record<string, number> = {};
    for (const cell of cells)
      byDestination[cell.destination] = (byDestination[cell.destination] ?? 0) + cell.persons;
    return byDestination;
  };
  const refresh = () =>
    refreshStatistics({
      mongodbUri: process.env.MONGODB_URI!,
      databasePrefix: jol.databasePrefix,
      recordKeys: syntheticRecordKeys,
    });

  beforeAll(async () => {
    jol = await startTestSystem('corrections');
    mongo = await MongoClient.connect(process.env.MONGODB_URI!);
    pensionsDb = mongo.db(`${jol.databasePrefix}_pensions`);
    await seed
      .person(NURLAN.pin)
      .named(['Абдыкеримов', 'Нурлан'], ['Abdykerimov', 'Nurlan'])
      .born(NURLAN.birthDate, 'MALE')
      .speaksRussian('FLUENT')
      .writeWith(gatewaySeedWriter(jol));
    officer = await jol.as('PENSION_OFFICER');
    for (const [key, input] of [
      ['domestic', DOMESTIC],
      ['abroad', ABROAD],
    ] as const) {
      const recorded = await officer(RECORD, { input });
      expect(recorded.errors).toBeUndefined();
      ids[key] = recorded.data.recordInsurancePeriod.id;
    }
  });
  afterAll(async () => {
    await mongo?.close();
    await jol?.stop();
  });

  it('refuses a labour officer voiding a pension period, through the gateway, changing nothing', async () => {
    const before = await entitlement();
    const labour = await jol.as('LABOUR_OFFICER');
    const result = await labour(VOID, { id: ids.domestic, version: 1, reason: 'Not mine to void' });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(result.data?.voidInsurancePeriod ?? null).toBeNull();
    expect(await entitlement()).toEqual(before);
  });

  it('corrects the period abroad: the history keeps the first version, the indicators move after a refresh', async () => {
    await refresh();
    expect(await insuredAbroadIn2010()).toEqual({ RU: 1 });

    const corrected = await officer(CORRECT, {
      id: ids.abroad,
      version: 1,
      input: { ...ABROAD, country: 'KZ' },
      reason: 'Paid from Kazakhstan, not Russia',
    });
    expect(corrected.errors).toBeUndefined();
    expect(corrected.data.correctInsurancePeriod).toEqual({
      id: ids.abroad,
      version: 2,
      country: 'KZ',
    });

    const periods = (await entitlement()).insurancePeriods;
    expect(periods.find((p: { id: string }) => p.id === ids.abroad)).toEqual({
      id: ids.abroad,
      version: 2,
      country: 'KZ',
      versions: [
        {
          version: 1,
          country: 'RU',
          superseded: { change: 'CORRECTED', reason: 'Paid from Kazakhstan, not Russia' },
        },
      ],
    });
    // The cube is a snapshot: it changes with the next refresh, not before.
    expect(await insuredAbroadIn2010()).toEqual({ RU: 1 });
    await refresh();
    expect(await insuredAbroadIn2010()).toEqual({ KZ: 1 });
  });

  it('voids the domestic period: the entitlement and the service summary no longer count it', async () => {
    const before = await entitlement();
    expect(before.pensionEntitlement.kyrgyzRecord.totalDays).toBe(DOMESTIC_DAYS + ABROAD_DAYS);
    expect(before.serviceSummary.total.totalDays).toBe(DOMESTIC_DAYS + ABROAD_DAYS);

    const voided = await officer(
      VOID,
      {
        id: ids.domestic,
        version: 1,
        reason: 'Employer never registered; period entered in error',
      },
      { requestId: 'corrections-void-domestic' },
    );
    expect(voided.errors).toBeUndefined();
    expect(voided.data.voidInsurancePeriod).toEqual({
      id: ids.domestic,
      version: 1,
      superseded: {
        change: 'VOIDED',
        reason: 'Employer never registered; period entered in error',
      },
    });

    const after = await entitlement();
    expect(after.pensionEntitlement.kyrgyzRecord.totalDays).toBe(ABROAD_DAYS);
    expect(after.serviceSummary.total.totalDays).toBe(ABROAD_DAYS);
    expect(after.pensionEntitlement.periods.map((p: { periodId: string }) => p.periodId)).toEqual([
      ids.abroad,
    ]);
  });

  it('voids the period abroad: the indicators drop it after a refresh', async () => {
    const voided = await officer(VOID, {
      id: ids.abroad,
      version: 2,
      reason: 'Contribution refunded; no insurance that year',
    });
    expect(voided.errors).toBeUndefined();
    await refresh();
    expect(await insuredAbroadIn2010()).toEqual({});
    expect((await entitlement()).insurancePeriods).toEqual([]);
  });

  it('keeps the reason, the PIN and the officer of every change in the audit, and the chains verify', async () => {
    const events = await pensionsDb
      .collection('audit_events')
      .find({ 'revisions.0': { $exists: true } })
      .sort({ seq: 1 })
      .toArray();
    expect(
      events.map((e) => ({
        pins: e.pins,
        served: e.served.filter((f: string) => f.startsWith('Mutation.')),
        revisions: e.revisions,
        sub: typeof e.sub,
      })),
    ).toEqual([
      {
        pins: [NURLAN.pin],
        served: ['Mutation.correctInsurancePeriod'],
        revisions: [
          {
            entity: 'InsurancePeriod',
            id: ids.abroad,
            version: 1,
            change: 'CORRECTED',
            reason: 'Paid from Kazakhstan, not Russia',
          },
        ],
        sub: 'string',
      },
      {
        pins: [NURLAN.pin],
        served: ['Mutation.voidInsurancePeriod'],
        revisions: [
          {
            entity: 'InsurancePeriod',
            id: ids.domestic,
            version: 1,
            change: 'VOIDED',
            reason: 'Employer never registered; period entered in error',
          },
        ],
        sub: 'string',
      },
      {
        pins: [NURLAN.pin],
        served: ['Mutation.voidInsurancePeriod'],
        revisions: [
          {
            entity: 'InsurancePeriod',
            id: ids.abroad,
            version: 2,
            change: 'VOIDED',
            reason: 'Contribution refunded; no insurance that year',
          },
        ],
        sub: 'string',
      },
    ]);
    const voidEvent = await pensionsDb
      .collection('audit_events')
      .findOne({ callerRequestId: 'corrections-void-domestic' });
    expect(voidEvent?.roles).toEqual(['PENSION_OFFICER']);
    const refusal = await pensionsDb
      .collection('audit_events')
      .findOne({ refused: 'Mutation.voidInsurancePeriod', outcome: 'DENIED' });
    expect(refusal?.roles).toEqual(['LABOUR_OFFICER']);
    expect(refusal?.revisions).toBeUndefined();

    const chains = await verifyAllAuditChains(process.env.MONGODB_URI!, jol.databasePrefix);
    expect(chains.map((c) => [c.service, c.ok])).toEqual(chains.map((c) => [c.service, true]));
  });
});
