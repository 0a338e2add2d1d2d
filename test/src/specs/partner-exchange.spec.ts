import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient, type Db } from 'mongodb';
import { print, parse } from 'graphql';
import { importJWK, SignJWT } from 'jose';
import { verifyAllAuditChains } from '@jol/jobs';
import {
  PartnerClient,
  PartnerExchangeError,
  type ExchangePeriod,
  type PartnerManifest,
} from '@jol/client';
import { readGraphQL, REPO_ROOT } from '@jol/tools';
import { startTestSystem, type TestSystem } from '../system/test-system';

const MANIFEST_DIR = join(REPO_ROOT, 'gateway', 'src', 'partner-operations', 'manifests');
const manifestOf = (partner: string): PartnerManifest =>
  JSON.parse(readFileSync(join(MANIFEST_DIR, `${partner}.json`), 'utf8')) as PartnerManifest;

/** A person who worked in Kyrgyzstan and in Russia, before and after the EAEU agreement. */
const AIBEK = {
  pin: '20303196200031',
  snils: '112-233-445 95',
  birthDate: '1962-03-03',
};
const STRANGER = '10404198500032';
/** A person who worked in Turkiye only: no Kazakh or Russian institution has a claim of theirs. */
const NURLAN = { pin: '20505198000033', birthDate: '1980-05-05' };
/** An IIN with a valid check digit that no Kazakh record gave: anyone can make one up. */
const MADE_UP_IIN = '850715300003';

/**
 * An operation no partner should have: a case's person with pension fields outside the exchange
 * slice. It is registered here, for this spec only, to show the subgraph refuses it all the same.
 */
const OUT_OF_SLICE = print(
  parse(`query OutOfSlice($caseId: ID!) {
    pensionExchangeCase(caseId: $caseId) {
      caseId
      person { pin insurancePeriods { from } contributions { amount } }
    }
  }`),
);

const russian = (
  from: string,
  to: string,
  years: number,
  months = 0,
  days = 0,
): ExchangePeriod => ({
  country: 'RU',
  from,
  to,
  type: 'EMPLOYMENT',
  years,
  months,
  days,
});

describe('partner exchange: a Russian partner system through the gateway', () => {
  let jol: TestSystem;
  let mongo: MongoClient;
  let pensionsDb: Db;
  let ru: PartnerClient;
  let kz: PartnerClient;
  let misregistered: PartnerManifest;
  let caseId: string;
  let documentId: string;

  /** The audit events of one request in the Social Fund's chain, by the id the caller sent. */
  const audited = (callerRequestId: string) =>
    pensionsDb.collection('audit_events').find({ callerRequestId }).toArray();

  const partnerClient = async (partner: string, fetchImpl?: typeof fetch) =>
    new PartnerClient({
      url: jol.graphqlUrl,
      token: await jol.token('PARTNER', { partner, sub: `${partner.toLowerCase()}-system` }),
      manifest: manifestOf(partner),
      fetch: fetchImpl,
    });

  beforeAll(async () => {
    // The committed manifests, plus one operation outside the slice registered for RU-SFR.
    const dir = mkdtempSync(join(tmpdir(), 'jol-manifests-'));
    cpSync(MANIFEST_DIR, dir, { recursive: true });
    const ruManifest = manifestOf('RU-SFR');
    misregistered = ruManifest;
    ruManifest.operations.push({
      id: createHash('sha256').update(OUT_OF_SLICE).digest('hex'),
      name: 'OutOfSlice',
      type: 'query',
      body: OUT_OF_SLICE,
    } as PartnerManifest['operations'][number]);
    writeFileSync(join(dir, 'RU-SFR.json'), JSON.stringify(ruManifest, null, 2));

    jol = await startTestSystem('partner-exchange', { env: { PERSISTED_OPERATIONS_DIR: dir } });
    mongo = await MongoClient.connect(process.env.MONGODB_URI!);
    pensionsDb = mongo.db(`${jol.databasePrefix}_pensions`);

    const migration = await jol.as('MIGRATION_OFFICER');
    for (const [person, cyrillic, latin, stayedIn] of [
      [AIBEK, { last: 'Токтогулов', first: 'Айбек' }, { last: 'Toktogulov', first: 'Aibek' }, 'RU'],
      [NURLAN, { last: 'Асанов', first: 'Нурлан' }, { last: 'Asanov', first: 'Nurlan' }, 'TR'],
    ] as const) {
      const registered = await migration(
        `mutation ($input: RegisterPersonInput!) { registerPerson(input: $input) { pin } }`,
        {
          input: {
            pin: person.pin,
            nameCyrillic: cyrillic,
            nameLatin: latin,
            birthDate: person.birthDate,
            sex: 'MALE',
            homeRegion: 'KG-O',
            russianProficiency: 'FLUENT',
          },
        },
      );
      expect(registered.errors).toBeUndefined();
      // The stay abroad that ties the person to a partner institution's country.
      const departed = await migration(
        `mutation ($input: RegisterDepartureInput!) { registerDeparture(input: $input) { id } }`,
        {
          input: { pin: person.pin, departedOn: '2005-03-01', country: stayedIn, purpose: 'WORK' },
        },
      );
      expect(departed.errors).toBeUndefined();
    }
    const pensions = await jol.as('PENSION_OFFICER');
    for (const [pin, from, to] of [
      [AIBEK.pin, '1985-01-01', '2004-12-31'],
      [AIBEK.pin, '2019-01-01', '2021-03-31'],
      [NURLAN.pin, '2021-01-01', '2022-12-31'],
    ]) {
      const recorded = await pensions(
        `mutation ($input: RecordInsurancePeriodInput!) { recordInsurancePeriod(input: $input) { id } }`,
        {
          input: {
            pin,
            country: 'KG',
            from,
            to,
            type: 'EMPLOYMENT',
            source: 'DOMESTIC',
          },
        },
      );
      expect(recorded.errors).toBeUndefined();
    }
    ru = await partnerClient('RU-SFR');
    kz = await partnerClient('KZ-GK');
  });
  afterAll(async () => {
    await mongo?.close();
    await jol?.stop();
  });

  it('finds its institution and the agreements it relies on in the registry', async () => {
    const partners = await ru.partners();
    const own = partners.find((p) => p.code === 'RU-SFR');
    expect(own?.agreements.map((a) => a.agreement.code)).toEqual(['EAEU-2019', 'CIS-1992']);
  });

  it('opens a case for a person it knows by PIN and SNILS', async () => {
    const opened = await ru.openCase({
      pin: AIBEK.pin,
      foreignId: AIBEK.snils,
      agreement: 'EAEU-2019',
    });
    expect(opened.foreignId).toBe('11223344595');
    caseId = opened.caseId;
    expect(await ru.findCases(AIBEK.pin)).toEqual([expect.objectContaining({ caseId })]);
  });

  it('submits periods, and after a simulated timeout retries with the same key: one document, periods stored once', async () => {
    let lost = 0;
    // The first answer is lost after the Social Fund processed the message, as in a timeout.
    const losingFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (lost === 0 && String(init?.body).includes('"SubmitPeriods"')) {
        lost++;
        await response.text();
        const error = new Error('The operation was aborted due to timeout');
        error.name = 'TimeoutError';
        throw error;
      }
      return response;
    };
    const flaky = await partnerClient('RU-SFR', losingFetch);
    const { document, attempts } = await flaky.submitPeriodsReliably({
      caseId,
      pin: AIBEK.pin,
      foreignId: AIBEK.snils,
      periods: [russian('2005-01-01', '2018-12-31', 14), russian('2021-04-01', '2024-12-31', 3, 9)],
    });
    expect(attempts).toBe(2);
    expect(lost).toBe(1);
    expect(document).toMatchObject({ caseId, type: 'P5000', version: 1, status: 'ACKNOWLEDGED' });
    documentId = document.documentId;
    const documents = pensionsDb.collection('pension_exchange_documents');
    expect(await documents.countDocuments({ idempotencyKey: document.idempotencyKey })).toBe(1);
    expect(
      await pensionsDb
        .collection('insurance_periods')
        .countDocuments({ pin: AIBEK.pin, source: 'PARTNER_REPORTED' }),
    ).toBe(2);
  });

  it('gets the first result for concurrent duplicates of one submission, and CONFLICT for another payload', async () => {
    const submission = {
      caseId,
      pin: AIBEK.pin,
      foreignId: AIBEK.snils,
      idempotencyKey: 'sfr-e2e-duplicates',
      periods: [russian('2025-01-01', '2025-03-31', 0, 3)],
    };
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => ru.submitPeriods(submission)));
    expect(new Set(results.map((r) => r.documentId)).size).toBe(1);
    expect(results.every((r) => r.status === 'ACKNOWLEDGED')).toBe(true);
    expect(
      await pensionsDb
        .collection('pension_exchange_documents')
        .countDocuments({ idempotencyKey: 'sfr-e2e-duplicates' }),
    ).toBe(1);
    const changed = ru.submitPeriods({
      ...submission,
      periods: [russian('2025-01-01', '2025-02-28', 0, 2)],
    });
    await expect(changed).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('rejects periods overlapping the Kyrgyz ones with one reason naming none, storing none', async () => {
    const rejected = await ru.submitPeriods({
      caseId,
      pin: AIBEK.pin,
      foreignId: AIBEK.snils,
      idempotencyKey: 'sfr-e2e-overlap',
      periods: [russian('2020-01-01', '2020-12-31', 1)],
    });
    expect(rejected.status).toBe('REJECTED');
    expect(rejected.rejectionReasons).toEqual([
      'the document overlaps insurance periods already recorded for the person; no period was stored',
    ]);
    expect(
      await pensionsDb
        .collection('insurance_periods')
        .countDocuments({ pin: AIBEK.pin, from: new Date('2020-01-01T00:00:00Z') }),
    ).toBe(0);
  });

  it('reads only the Kyrgyz periods its agreement covers: from 2021 under the EAEU agreement', async () => {
    expect(await ru.kyrgyzPeriods(caseId)).toEqual([
      {
        country: 'KG',
        from: '2021-01-01',
        to: '2021-03-31',
        type: 'EMPLOYMENT',
        years: 0,
        months: 3,
        days: 0,
      },
    ]);
  });

  it("sums for the Social Fund's officer the Russian periods the EAEU agreement covers", async () => {
    const officer = await jol.as('PENSION_OFFICER');
    const result = await officer(
      `query ($pin: PIN!) { person(pin: $pin) { pensionEntitlement(asOf: "2025-06-30") {
        retirementAge ageReached totalized fullRecordReached
        periods { country from counted countedDays agreement reason } } } }`,
      { pin: AIBEK.pin },
    );
    expect(result.errors).toBeUndefined();
    const entitlement = result.data?.person.pensionEntitlement;
    expect(entitlement).toMatchObject({ retirementAge: 63, ageReached: true, totalized: true });
    const russianPeriods = entitlement.periods.filter(
      (p: { country: string }) => p.country === 'RU',
    );
    expect(
      russianPeriods.map((p: { counted: boolean; agreement: string | null }) => [
        p.counted,
        p.agreement,
      ]),
    ).toEqual([
      [false, null],
      [true, 'EAEU-2019'],
      [true, 'EAEU-2019'],
    ]);
  });

  it('reads the decisions of its case and acknowledges one', async () => {
    const officer = await jol.as('PENSION_OFFICER');
    const recorded = await officer(
      `mutation ($input: RecordPensionDecisionInput!) { recordPensionDecision(input: $input) { documentId } }`,
      {
        input: {
          caseId,
          type: 'OLD_AGE',
          result: 'GRANTED',
          effectiveOn: '2025-04-01',
          grossAmount: '9120.00',
          netAmount: '9120.00',
          currency: 'KGS',
          frequency: 'MONTHLY',
          basis: 'WORK',
        },
      },
    );
    expect(recorded.errors).toBeUndefined();
    const decisions = await ru.decisions(caseId);
    expect(decisions).toEqual([
      expect.objectContaining({
        result: 'GRANTED',
        grossAmount: '9120.00',
        currency: 'KGS',
        status: 'RECEIVED',
      }),
    ]);
    const acknowledged = await ru.acknowledge(decisions![0]!.documentId as string);
    expect(acknowledged.status).toBe('ACKNOWLEDGED');
  });

  it('invalidates its document: the periods go; a reminder re-sends the last acknowledgement', async () => {
    const invalidated = await ru.invalidate(documentId, 'Periods belong to another insured person');
    expect(invalidated).toMatchObject({ documentId, version: 2, status: 'INVALIDATED' });
    expect(
      await pensionsDb
        .collection('insurance_periods')
        .countDocuments({ pin: AIBEK.pin, from: new Date('2005-01-01T00:00:00Z') }),
    ).toBe(0);
    const reminded = await ru.remind(caseId, documentId);
    expect(reminded).toMatchObject({ documentId, status: 'INVALIDATED', reminders: 1 });
    const latest = await ru.remind(caseId);
    expect(latest.status).toBe('REJECTED');
    const documents = (await ru.readCase(caseId))!.documents;
    expect(documents.map((d) => `${d.type} ${d.status}`)).toEqual([
      'P6000 ACKNOWLEDGED',
      'P5000 REJECTED',
      'P5000 ACKNOWLEDGED',
      'P5000 INVALIDATED',
    ]);
  });

  it('has each of its reads and writes audited in the Social Fund, with the PIN', async () => {
    await ru.kyrgyzPeriods(caseId);
    expect(await audited(ru.lastRequestId)).toEqual([
      expect.objectContaining({
        callerOperationName: expect.stringContaining('ReadKyrgyzPeriods'),
        served: expect.arrayContaining(['Query.pensionExchangeCase']),
        partner: 'RU-SFR',
        pins: [AIBEK.pin],
        roles: ['PARTNER'],
        purpose: 'PENSION_EXCHANGE',
        outcome: 'ALLOWED',
      }),
    ]);
    await ru.submitPeriods({
      caseId,
      pin: AIBEK.pin,
      foreignId: AIBEK.snils,
      idempotencyKey: 'sfr-e2e-audited',
      periods: [russian('2025-04-01', '2025-04-30', 0, 1)],
    });
    expect(await audited(ru.lastRequestId)).toEqual([
      expect.objectContaining({
        callerOperationName: expect.stringContaining('SubmitPeriods'),
        served: ['Mutation.submitPensionExchangePeriods'],
        pins: [AIBEK.pin],
        outcome: 'ALLOWED',
      }),
    ]);
  });

  it("shows the person which institution read them, and lists the person's own cases", async () => {
    await ru.kyrgyzPeriods(caseId);
    const subject = await jol.as('DATA_SUBJECT', { pin: AIBEK.pin });
    const log = await subject(
      `query ($pin: PIN!) {
        person(pin: $pin) { accessLog { pensions(first: 20) { events {
          callerRequestId outcome institution { kind code name } } } } }
      }`,
      { pin: AIBEK.pin },
    );
    expect(log.errors).toBeUndefined();
    const cases = await subject(
      `query ($pin: PIN!) { pensionExchangeCases(pin: $pin) { caseId partner { code } } }`,
      { pin: AIBEK.pin },
    );
    expect(cases.errors).toBeUndefined();
    expect(log.data.person.accessLog.pensions.events).toContainEqual({
      callerRequestId: ru.lastRequestId,
      outcome: 'ALLOWED',
      institution: { kind: 'PARTNER', code: 'RU-SFR', name: 'Social Fund of Russia' },
    });
    expect(cases.data.pensionExchangeCases).toEqual([{ caseId, partner: { code: 'RU-SFR' } }]);
  });

  describe('refusals, each audited in the Social Fund', () => {
    it("refuses another partner's case", async () => {
      const refused = kz.readCase(caseId);
      await expect(refused).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect(await audited(kz.lastRequestId)).toEqual([
        expect.objectContaining({
          refused: ['Query.pensionExchangeCase'],
          pins: [AIBEK.pin],
          roles: ['PARTNER'],
          purpose: 'PENSION_EXCHANGE',
          outcome: 'DENIED',
        }),
      ]);
    });

    it('refuses to open a case for a person with no tie to its country, so it reads none of their periods', async () => {
      // A Kazakh institution, a made-up IIN with a valid check digit, a person who only ever
      // stayed in Turkiye.
      const cases = pensionsDb.collection('pension_exchange_cases');
      const refused = kz.openCase({
        pin: NURLAN.pin,
        foreignId: MADE_UP_IIN,
        agreement: 'EAEU-2019',
      });
      await expect(refused).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(refused).rejects.toThrow(/No tie of the person to KZ/);
      expect(await cases.countDocuments({ pin: NURLAN.pin })).toBe(0);
      expect(await audited(kz.lastRequestId)).toEqual([
        expect.objectContaining({
          refused: ['Mutation.openPensionExchangeCase'],
          served: [],
          pins: [NURLAN.pin],
          partner: 'KZ-GK',
          outcome: 'DENIED',
        }),
      ]);
      // Without a case it reaches nothing of the person.
      await expect(kz.findCases(NURLAN.pin)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      // The Turkish institution, in whose country the person stayed, opens and reads.
      const tr = await partnerClient('TR-SGK');
      const opened = await tr.openCase({
        pin: NURLAN.pin,
        foreignId: '20000000046',
        agreement: 'KG-TR-2018',
      });
      expect(await tr.kyrgyzPeriods(opened.caseId)).toEqual([
        expect.objectContaining({ country: 'KG', from: '2021-01-01', to: '2022-12-31' }),
      ]);
    });

    it('refuses a person it has no case with', async () => {
      await expect(ru.findCases(STRANGER)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect(await audited(ru.lastRequestId)).toEqual([
        expect.objectContaining({
          refused: ['Query.pensionExchangeCases'],
          pins: [STRANGER],
          outcome: 'DENIED',
        }),
      ]);
    });

    it('refuses a free-form query and an id registered only for another partner, before planning', async () => {
      const token = await jol.token('PARTNER', { partner: 'RU-SFR' });
      const post = (body: unknown, requestId: string, bearer = token) =>
        fetch(jol.graphqlUrl, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${bearer}`,
            'x-purpose': 'PENSION_EXCHANGE',
            'x-request-id': requestId,
          },
          body: JSON.stringify(body),
        });
      const freeForm = await post(
        {
          query: 'query Peek($pin: PIN!) { pensionExchangeCases(pin: $pin) { caseId } }',
          variables: { pin: STRANGER },
        },
        'partner-free-form',
      );
      expect(freeForm.status).toBe(403);
      expect((await readGraphQL(freeForm)).errors[0].extensions.code).toBe(
        'OPERATION_NOT_REGISTERED',
      );
      expect(await audited('partner-free-form')).toEqual([
        expect.objectContaining({
          refused: ['Gateway.persistedOperation'],
          callerOperationName: 'Peek',
          callerOperationId: null,
          pins: [STRANGER],
          roles: ['PARTNER'],
          outcome: 'DENIED',
        }),
      ]);

      const submitId = manifestOf('RU-SFR').operations.find((o) => o.name === 'SubmitPeriods')!.id;
      const enpf = await jol.token('PARTNER', { partner: 'KZ-ENPF' });
      const foreign = await post(
        {
          operationName: 'SubmitPeriods',
          extensions: { persistedQuery: { version: 1, sha256Hash: submitId } },
        },
        'partner-foreign-id',
        enpf,
      );
      expect(foreign.status).toBe(403);
      const body = await readGraphQL(foreign);
      expect(body.errors[0]).toMatchObject({ extensions: { code: 'OPERATION_NOT_REGISTERED' } });
      expect(body.errors[0].message).toContain('KZ-ENPF');
      expect(await audited('partner-foreign-id')).toEqual([
        expect.objectContaining({
          callerOperationName: 'SubmitPeriods',
          callerOperationId: submitId,
          outcome: 'DENIED',
        }),
      ]);
    });

    it.each([
      ['a purpose its role may not declare', 'SELF_SERVICE', 'SELF_SERVICE'],
      ['a purpose no register declares', 'SNOOPING', null],
    ])(
      'refuses a registered operation sent with %s, audited with the PIN it named',
      async (_what, purpose, recorded) => {
        const token = await jol.token('PARTNER', { partner: 'RU-SFR' });
        const find = manifestOf('RU-SFR').operations.find((o) => o.name === 'FindExchangeCases')!;
        const requestId = `partner-purpose-${purpose}`;
        const response = await fetch(jol.graphqlUrl, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${token}`,
            'x-purpose': purpose,
            'x-request-id': requestId,
          },
          body: JSON.stringify({
            operationName: 'FindExchangeCases',
            variables: { pin: STRANGER },
            extensions: { persistedQuery: { version: 1, sha256Hash: find.id } },
          }),
        });
        expect(response.status).toBe(403);
        expect((await readGraphQL(response)).errors[0].extensions.code).toBe('FORBIDDEN');
        expect(await audited(requestId)).toEqual([
          expect.objectContaining({
            refused: ['Gateway.persistedOperation'],
            callerOperationName: 'FindExchangeCases',
            callerOperationId: find.id,
            pins: [STRANGER],
            partner: 'RU-SFR',
            purpose: recorded,
            outcome: 'DENIED',
          }),
        ]);
      },
    );

    it('audits a registered operation GraphQL refuses before running it, with its id and PIN', async () => {
      const token = await jol.token('PARTNER', { partner: 'RU-SFR' });
      const find = manifestOf('RU-SFR').operations.find((o) => o.name === 'FindExchangeCases')!;
      // Variables nested deeper than any operation needs: refused before planning, no subgraph called.
      let nested: unknown = 'x';
      for (let i = 0; i < 40; i++) nested = { a: nested };
      const response = await fetch(jol.graphqlUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${token}`,
          'x-purpose': 'PENSION_EXCHANGE',
          'x-request-id': 'partner-refused-variables',
        },
        body: JSON.stringify({
          operationName: 'FindExchangeCases',
          variables: { pin: STRANGER, nested },
          extensions: { persistedQuery: { version: 1, sha256Hash: find.id } },
        }),
      });
      expect(response.status).toBe(400);
      await response.body?.cancel();
      expect(await audited('partner-refused-variables')).toEqual([
        expect.objectContaining({
          refused: ['Gateway.persistedOperation'],
          callerOperationName: 'FindExchangeCases',
          callerOperationId: find.id,
          pins: [STRANGER],
          outcome: 'DENIED',
        }),
      ]);
    });

    it("names the person of a refused GET or batch, in the audit and in the person's access log", async () => {
      const token = await jol.token('PARTNER', { partner: 'RU-SFR' });
      const find = manifestOf('RU-SFR').operations.find((o) => o.name === 'FindExchangeCases')!;
      const operation = {
        operationName: 'FindExchangeCases',
        variables: { pin: AIBEK.pin },
        extensions: { persistedQuery: { version: 1, sha256Hash: find.id } },
      };
      const headers = (requestId: string) => ({
        authorization: `Bearer ${token}`,
        'x-purpose': 'PENSION_EXCHANGE',
        'apollo-require-preflight': '1',
        'x-request-id': requestId,
      });
      const url = new URL(jol.graphqlUrl);
      for (const [name, value] of Object.entries(operation))
        url.searchParams.set(name, typeof value === 'string' ? value : JSON.stringify(value));
      const get = await fetch(url, { headers: headers('partner-refused-get') });
      expect(get.status).toBe(403);
      expect((await readGraphQL(get)).errors[0].extensions.code).toBe('OPERATION_NOT_REGISTERED');
      const batch = await fetch(jol.graphqlUrl, {
        method: 'POST',
        headers: { ...headers('partner-refused-batch'), 'content-type': 'application/json' },
        body: JSON.stringify([operation, operation]),
      });
      expect(batch.status).toBe(400);
      await batch.body?.cancel();
      for (const requestId of ['partner-refused-get', 'partner-refused-batch'])
        expect(await audited(requestId)).toEqual([
          expect.objectContaining({
            refused: ['Gateway.persistedOperation'],
            callerOperationName: 'FindExchangeCases',
            callerOperationId: find.id,
            pins: [AIBEK.pin],
            partner: 'RU-SFR',
            outcome: 'DENIED',
          }),
        ]);

      const subject = await jol.as('DATA_SUBJECT', { pin: AIBEK.pin });
      const log = await subject(
        `query ($pin: PIN!) {
          person(pin: $pin) { accessLog { pensions(first: 50) { events {
            callerRequestId outcome institution { code } } } } }
        }`,
        { pin: AIBEK.pin },
      );
      expect(log.errors).toBeUndefined();
      for (const requestId of ['partner-refused-get', 'partner-refused-batch'])
        expect(log.data.person.accessLog.pensions.events).toContainEqual({
          callerRequestId: requestId,
          outcome: 'DENIED',
          institution: { code: 'RU-SFR' },
        });
    });

    it('refuses fields outside its slice even in an operation registered for it', async () => {
      const client = new PartnerClient({
        url: jol.graphqlUrl,
        token: await jol.token('PARTNER', { partner: 'RU-SFR' }),
        manifest: misregistered,
      });
      await expect(client.run('OutOfSlice', { caseId })).rejects.toBeInstanceOf(
        PartnerExchangeError,
      );
      // The case was served and the person's pension fields refused: the gateway fetches them in
      // two steps, and each event says what it served and what it refused, under one request id.
      const events = await audited(client.lastRequestId);
      expect(events).toEqual([
        expect.objectContaining({
          partner: 'RU-SFR',
          served: ['Query.pensionExchangeCase'],
          refused: [],
          outcome: 'ALLOWED',
        }),
        expect.objectContaining({
          pins: [AIBEK.pin],
          roles: ['PARTNER'],
          partner: 'RU-SFR',
          served: [],
          refused: ['Person.contributions', 'Person.insurancePeriods'],
          outcome: 'DENIED',
        }),
      ]);
      expect(events[1]!.requestId).toBe(events[0]!.requestId);
    });
  });

  describe('the person register, asked under the service identity', () => {
    /** A SNILS of valid form (checksum 64) that no case binds. */
    const UNBOUND_SNILS = '123-456-789 64';
    const migrationDb = () => mongo.db(`${jol.databasePrefix}_migration`);

    /** The register lookups migration audited for one request of the Social Fund. */
    async function lookupsFor(callerRequestId: string) {
      const [event] = await audited(callerRequestId);
      return migrationDb()
        .collection('audit_events')
        .find({ callerRequestId: event!.requestId })
        .toArray();
    }

    it('refuses to open a case for a PIN nobody has: NOT_FOUND, nothing stored, audited as refused', async () => {
      const cases = pensionsDb.collection('pension_exchange_cases');
      const bindings = pensionsDb.collection('pension_foreign_id_bindings');
      const before = [await cases.countDocuments(), await bindings.countDocuments()];
      const refused = ru.openCase({
        pin: STRANGER,
        foreignId: UNBOUND_SNILS,
        agreement: 'EAEU-2019',
      });
      await expect(refused).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(refused).rejects.toThrow(`Person with pin "${STRANGER}" does not exist`);
      expect([await cases.countDocuments(), await bindings.countDocuments()]).toEqual(before);
      expect(await audited(ru.lastRequestId)).toEqual([
        expect.objectContaining({
          refused: ['Mutation.openPensionExchangeCase'],
          served: [],
          pins: [STRANGER],
          partner: 'RU-SFR',
          outcome: 'DENIED',
        }),
      ]);
      // Migration audited the lookup, under the service identity, naming the partner's request.
      expect(await lookupsFor(ru.lastRequestId)).toEqual([
        expect.objectContaining({
          sub: 'service:pensions',
          roles: ['SUBJECT_DIRECTORY'],
          purpose: 'WRITE_CHECK',
          served: ['Query.registeredSubject'],
          pins: [STRANGER],
          outcome: 'ALLOWED',
        }),
      ]);
    });

    it('opens a case for a registered PIN after the same audited lookup', async () => {
      const opened = await ru.openCase({
        pin: AIBEK.pin,
        foreignId: AIBEK.snils,
        agreement: 'EAEU-2019',
      });
      expect(opened.caseId).toBe(caseId);
      expect(await lookupsFor(ru.lastRequestId)).toEqual([
        expect.objectContaining({ roles: ['SUBJECT_DIRECTORY'], pins: [AIBEK.pin] }),
      ]);
    });

    it('refuses periods dated before the person was born, storing nothing; the write is audited FAILED', async () => {
      const documents = pensionsDb.collection('pension_exchange_documents');
      const periods = pensionsDb.collection('insurance_periods');
      const before = [await documents.countDocuments(), await periods.countDocuments()];
      const refused = ru.submitPeriods({
        caseId,
        pin: AIBEK.pin,
        foreignId: AIBEK.snils,
        idempotencyKey: 'sfr-e2e-before-birth',
        periods: [
          russian('2022-01-01', '2022-01-31', 0, 1),
          russian('1950-01-01', '1950-12-31', 1),
        ],
      });
      await expect(refused).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
      await expect(refused).rejects.toThrow(
        /periods\[1\]\.from must not be before the person.s birth; got "1950-01-01"/,
      );
      expect([await documents.countDocuments(), await periods.countDocuments()]).toEqual(before);
      expect(await audited(ru.lastRequestId)).toEqual([
        expect.objectContaining({
          failed: ['Mutation.submitPensionExchangePeriods'],
          refused: [],
          outcome: 'FAILED',
        }),
      ]);
    });

    it('learns nothing of recorded periods by probing with documents made invalid by a future period', async () => {
      // Unit-length probes inside and outside the Kyrgyz record of 1985-2004, each made REJECTED by
      // a future period so that nothing would be stored: the answers must not tell them apart.
      const probe = async (on: string) =>
        (
          await ru.submitPeriods({
            caseId,
            pin: AIBEK.pin,
            foreignId: AIBEK.snils,
            idempotencyKey: `sfr-e2e-probe-${on}`,
            periods: [russian(on, on, 0, 0, 1), russian('2099-01-01', '2099-12-31', 1)],
          })
        ).rejectionReasons;
      const answers = [];
      for (const on of ['1984-12-31', '1985-01-01', '1995-03-17', '2004-12-31', '2005-01-01'])
        answers.push(await probe(on));
      for (const answer of answers)
        expect(answer).toEqual(['period 2 (RU 2099-01-01..2099-12-31): must not be in the future']);
    });

    it('accepts no service role from a token the identity provider signed', async () => {
      const key = await importJWK(jol.keys.privateJwk, 'EdDSA');
      const forged = (issuer: string) =>
        new SignJWT({ roles: ['SUBJECT_DIRECTORY'], agency: 'pensions' })
          .setProtectedHeader({ alg: 'EdDSA', kid: jol.keys.privateJwk.kid })
          .setSubject('service:pensions')
          .setIssuer(issuer)
          .setAudience('jol')
          .setIssuedAt()
          .setExpirationTime('1m')
          .sign(key);
      // The public key used as an HMAC secret: the classic confusion of algorithms.
      const confused = await new SignJWT({ roles: ['SUBJECT_DIRECTORY'] })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('service:pensions')
        .setIssuer('jol-service')
        .setAudience('jol')
        .setIssuedAt()
        .setExpirationTime('1m')
        .sign(readFileSync(jol.keys.servicePublicKeyPath));
      for (const token of [await forged('jol'), await forged('jol-service'), confused]) {
        const response = await fetch(jol.graphqlUrl, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${token}`,
            'x-purpose': 'WRITE_CHECK',
          },
          body: JSON.stringify({
            query: 'query ($pin: PIN!) { registeredSubject(pin: $pin) { birthDate } }',
            variables: { pin: AIBEK.pin },
          }),
        });
        expect(response.status).toBe(401);
        expect((await readGraphQL(response)).errors[0].extensions.code).toBe('UNAUTHENTICATED');
      }
    });

    it('reads nothing but the register with the service identity, and nobody else reads the register', async () => {
      const service = await jol.as('SUBJECT_DIRECTORY');
      const register = await service(
        'query ($pin: PIN!) { registeredSubject(pin: $pin) { pin birthDate } }',
        { pin: AIBEK.pin },
      );
      expect(register).toMatchObject({
        data: { registeredSubject: { pin: AIBEK.pin, birthDate: AIBEK.birthDate } },
      });
      const person = await service(
        'query ($pin: PIN!) { person(pin: $pin) { nameLatin { last } birthDate homeRegion insurancePeriods { from } } }',
        { pin: AIBEK.pin },
      );
      expect(JSON.stringify(person.data)).not.toMatch(/Toktogulov|1962|KG-O|1985/);
      expect(new Set(person.errors?.map((e) => e.extensions?.code))).toEqual(
        new Set(['FORBIDDEN']),
      );
      const list = await service('{ persons(first: 5) { edges { node { pin } } } }');
      expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const write = await service(
        'mutation ($input: RecordSkillInput!) { recordSkill(input: $input) { id } }',
        { input: { pin: AIBEK.pin, name: 'Welding', level: 'BASIC' } },
      );
      expect(write.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      for (const role of ['PENSION_OFFICER', 'MIGRATION_OFFICER', 'DATA_SUBJECT'] as const) {
        const other = await jol.as(role, role === 'DATA_SUBJECT' ? { pin: AIBEK.pin } : {});
        const asked = await other(
          'query ($pin: PIN!) { registeredSubject(pin: $pin) { birthDate } }',
          { pin: AIBEK.pin },
        );
        expect([role, asked.data?.registeredSubject ?? null]).toEqual([role, null]);
        expect([role, asked.errors?.[0]?.extensions?.code]).toEqual([role, 'FORBIDDEN']);
      }
    });
  });

  it('keeps every audit chain intact', async () => {
    const reports = await verifyAllAuditChains(process.env.MONGODB_URI!, jol.databasePrefix);
    expect(reports.map((r) => [r.service, r.ok])).toEqual(reports.map((r) => [r.service, true]));
  });
});
