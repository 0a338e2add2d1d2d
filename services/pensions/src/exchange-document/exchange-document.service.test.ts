import { Types, type Connection } from 'mongoose';
import type { Caller } from '@jol/kernel';
import {
  callerAs,
  dropTestDatabase,
  execute,
  openTestDatabase,
  prepareTestDatabase,
  quietLogger,
  registeredPerson,
  testAccess,
  type TestRegister,
} from '@jol/testkit/service';
import { createPensionsModels } from '../context';
import { ensurePartnerRegistry } from '../partner/partner.registry';
import { createPensionsServer } from '../server';
import type { ExchangeDocumentRecord } from './exchange-document.model';
import { PensionExchangeDocumentStatus } from './exchange-document.type';

const OPEN = /* GraphQL */ `
  mutation OpenCase($input: OpenPensionExchangeCaseInput!) {
    openPensionExchangeCase(input: $input) {
      caseId
    }
  }
`;

const SUBMIT = /* GraphQL */ `
  mutation Submit($input: SubmitPensionExchangePeriodsInput!) {
    submitPensionExchangePeriods(input: $input) {
      documentId
      caseId
      pin
      type
      direction
      version
      status
      rejectionReasons
      idempotencyKey
      acknowledgedAt
      periods {
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

const INVALIDATE = /* GraphQL */ `
  mutation Invalidate($input: InvalidatePensionExchangeDocumentInput!) {
    invalidatePensionExchangeDocument(input: $input) {
      documentId
      version
      status
      invalidatedAt
      invalidationReason
    }
  }
`;

const REMIND = /* GraphQL */ `
  mutation Remind($input: RemindPensionExchangeDocumentInput!) {
    remindPensionExchangeDocument(input: $input) {
      documentId
      status
      reminders
    }
  }
`;

const DOCUMENTS = /* GraphQL */ `
  query Documents($caseId: ID!) {
    pensionExchangeCase(caseId: $caseId) {
      documents {
        documentId
        status
        direction
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

type As = { caller: Caller | null; purpose: string | null };
const RU = callerAs('PARTNER', { partner: 'RU-SFR' });
const KZ = callerAs('PARTNER', { partner: 'KZ-GK' });
const SNILS = '112-233-445 95';

/** A valid SNILS, written `ddd-ddd-ddd cc`, from nine digits (see isSnils for the check number). */
function snilsOf(nine: number): string {
  const digits = String(nine).padStart(9, '0');
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (9 - i);
  const check = sum < 100 ? sum : sum % 101 === 100 ? 0 : sum % 101;
  const d = `${digits}${String(check).padStart(2, '0')}`;
  return `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6, 9)} ${d.slice(9)}`;
}

const russian = (from: string, to: string, years = 1, months = 0, days = 0) => ({
  country: 'RU',
  from,
  to,
  type: 'EMPLOYMENT',
  years,
  months,
  days,
});

describe('pensions: exchange documents (P5000 in)', () => {
  let connection: Connection;
  let server: Awaited<ReturnType<typeof createPensionsServer>>;
  let pinCounter = 0;
  const register: TestRegister = new Map();
  const periods = () => connection.collection('insurance_periods');
  const documents = () =>
    connection.collection<ExchangeDocumentRecord>('pension_exchange_documents');

  /** A fresh person with a Russian case, and their Kyrgyz record of 2015-2019. */
  async function personWithCase(): Promise<{ pin: string; caseId: string; foreignId: string }> {
    const pin = `1010119${String(9000000 + ++pinCounter).slice(0, 7)}`;
    // One SNILS names one person at the partner: each person gets their own.
    const foreignId = snilsOf(100_000_000 + pinCounter);
    const opened = await execute(
      server,
      OPEN,
      { input: { pin, foreignId, agreement: 'EAEU-2019' } },
      RU,
    );
    if (opened.errors) throw new Error(JSON.stringify(opened.errors));
    const recorded = await execute(server, RECORD_PERIOD, {
      input: {
        pin,
        country: 'KG',
        from: '2015-01-01',
        to: '2019-12-31',
        type: 'EMPLOYMENT',
        source: 'DOMESTIC',
      },
    });
    if (recorded.errors) throw new Error(JSON.stringify(recorded.errors));
    return { pin, caseId: opened.data!.openPensionExchangeCase.caseId, foreignId };
  }

  const submit = (as: As, input: Record<string, unknown>, requestId?: string) =>
    execute(
      server,
      SUBMIT,
      { input },
      { ...as, ...(requestId ? { headers: { 'x-request-id': requestId } } : {}) },
    );

  beforeAll(async () => {
    connection = await openTestDatabase('pensions');
    server = await createPensionsServer({
      connection,
      log: quietLogger(),
      access: testAccess(register),
    });
    await prepareTestDatabase(connection);
    await ensurePartnerRegistry(createPensionsModels(connection));
  });
  afterAll(async () => {
    await server.apollo.stop();
    await dropTestDatabase(connection);
  });

  it('acknowledges a P5000 and stores its periods as partner-reported', async () => {
    const { pin, caseId, foreignId } = await personWithCase();
    const result = await submit(RU, {
      caseId,
      pin,
      foreignId,
      idempotencyKey: 'sfr-ok-00000001',
      periods: [russian('2021-01-01', '2021-12-31'), russian('2022-01-01', '2022-06-30', 0, 6, 0)],
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.submitPensionExchangePeriods).toMatchObject({
      caseId,
      pin,
      type: 'P5000',
      direction: 'INBOUND',
      version: 1,
      status: 'ACKNOWLEDGED',
      rejectionReasons: [],
      idempotencyKey: 'sfr-ok-00000001',
      acknowledgedAt: expect.any(String),
    });
    expect(result.data?.submitPensionExchangePeriods.periods).toHaveLength(2);
    const stored = await periods()
      .find({ pin, source: 'PARTNER_REPORTED' })
      .sort({ from: 1 })
      .toArray();
    expect(stored.map((p) => [p.country, p.from.toISOString().slice(0, 10)])).toEqual([
      ['RU', '2021-01-01'],
      ['RU', '2022-01-01'],
    ]);
  });

  it('rejects a P5000 with every reason of its own periods and stores no period of it', async () => {
    const { pin, caseId, foreignId } = await personWithCase();
    const result = await submit(RU, {
      caseId,
      pin,
      foreignId,
      idempotencyKey: 'sfr-bad-0000001',
      periods: [
        russian('2019-06-01', '2020-05-31'),
        russian('2021-01-01', '2021-12-31'),
        russian('2021-06-01', '2022-05-31'),
        { ...russian('2023-01-01', '2023-12-31'), country: 'KZ' },
      ],
    });
    expect(result.errors).toBeUndefined();
    const document = result.data?.submitPensionExchangePeriods;
    expect(document.status).toBe('REJECTED');
    expect(document.rejectionReasons).toEqual([
      'period 2 (RU 2021-01-01..2021-12-31) overlaps period 3 (RU 2021-06-01..2022-05-31)',
      'period 4 (KZ 2023-01-01..2023-12-31): country must be RU, the country of your institution',
    ]);
    expect(await periods().countDocuments({ pin, source: 'PARTNER_REPORTED' })).toBe(0);
  });

  it('rejects a valid P5000 overlapping a recorded period with one reason naming no period', async () => {
    const { pin, caseId, foreignId } = await personWithCase();
    const result = await submit(RU, {
      caseId,
      pin,
      foreignId,
      idempotencyKey: 'sfr-overlap-001',
      periods: [russian('2010-01-01', '2010-12-31'), russian('2019-06-01', '2020-05-31')],
    });
    const document = result.data?.submitPensionExchangePeriods;
    expect(document.status).toBe('REJECTED');
    expect(document.rejectionReasons).toEqual([
      'the document overlaps insurance periods already recorded for the person; no period was stored',
    ]);
    expect(await periods().countDocuments({ pin, source: 'PARTNER_REPORTED' })).toBe(0);
  });

  it('learns nothing of recorded periods from probes made invalid by a future period', async () => {
    // The probe sequence of a partner mapping recorded periods with unit-length periods, each
    // document made REJECTED by a future period so that nothing is stored.
    const probes = ['2014-12-31', '2015-01-01', '2017-07-07', '2019-12-31', '2020-01-01'];
    const answersFor = async (person: { pin: string; caseId: string; foreignId: string }) => {
      const answers = [];
      for (const [i, on] of probes.entries()) {
        const result = await submit(RU, {
          caseId: person.caseId,
          pin: person.pin,
          foreignId: person.foreignId,
          idempotencyKey: `sfr-probe-${person.pin}-${i}`,
          periods: [russian(on, on, 0, 0, 1), russian('2099-01-01', '2099-12-31')],
        });
        const { status, rejectionReasons } = result.data!.submitPensionExchangePeriods;
        answers.push({ status, rejectionReasons });
      }
      return answers;
    };
    // One person with Kyrgyz periods of 2015-2019, another with none at all.
    const recorded = await personWithCase();
    const bare = await personWithCase();
    await periods().deleteMany({ pin: bare.pin });
    const [withPeriods, withNone] = [await answersFor(recorded), await answersFor(bare)];
    expect(withPeriods).toEqual(withNone);
    expect(new Set(withPeriods.map((a) => JSON.stringify(a)))).toEqual(
      new Set([
        JSON.stringify({
          status: 'REJECTED',
          rejectionReasons: ['period 2 (RU 2099-01-01..2099-12-31): must not be in the future'],
        }),
      ]),
    );
    expect(
      await periods().countDocuments({
        pin: { $in: [recorded.pin, bare.pin] },
        source: 'PARTNER_REPORTED',
      }),
    ).toBe(0);
  });

  describe("the person's registered birth date, which a partner may not read", () => {
    /** A person with a case, registered as born on 1990-06-15. */
    async function bornMidJune() {
      const person = await personWithCase();
      register.set(person.pin, registeredPerson('KG-C', '1990-06-15'));
      return person;
    }

    it('answers probes made invalid by a future period the same on either side of it', async () => {
      const person = await bornMidJune();
      const answers = [];
      for (const [i, on] of ['1990-06-14', '1990-06-15'].entries()) {
        const result = await submit(RU, {
          caseId: person.caseId,
          pin: person.pin,
          foreignId: person.foreignId,
          idempotencyKey: `sfr-born-${person.pin}-${i}`,
          periods: [russian(on, on, 0, 0, 1), russian('2099-01-01', '2099-12-31')],
        });
        answers.push({ errors: result.errors, data: result.data?.submitPensionExchangePeriods });
      }
      expect(answers[0]).toEqual({
        errors: undefined,
        data: expect.objectContaining({
          status: 'REJECTED',
          rejectionReasons: ['period 2 (RU 2099-01-01..2099-12-31): must not be in the future'],
        }),
      });
      expect(answers[1]!.data).toMatchObject({
        status: answers[0]!.data.status,
        rejectionReasons: answers[0]!.data.rejectionReasons,
      });
      expect(await periods().countDocuments({ pin: person.pin, source: 'PARTNER_REPORTED' })).toBe(
        0,
      );
    });

    it('refuses a document valid on its own dated before it, storing nothing', async () => {
      const person = await bornMidJune();
      const before = await documents().countDocuments();
      const result = await submit(RU, {
        caseId: person.caseId,
        pin: person.pin,
        foreignId: person.foreignId,
        idempotencyKey: 'sfr-before-birth',
        periods: [russian('1990-06-14', '1990-06-14', 0, 0, 1)],
      });
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'periods[0].from',
      });
      expect(await documents().countDocuments()).toBe(before);
    });
  });

  describe('idempotency', () => {
    it('returns the first result for the same key and payload and writes nothing more', async () => {
      const { pin, caseId, foreignId } = await personWithCase();
      const input = {
        caseId,
        pin,
        foreignId,
        idempotencyKey: 'sfr-retry-00001',
        periods: [russian('2021-01-01', '2021-12-31')],
      };
      const first = await submit(RU, input);
      const [docsBefore, periodsBefore] = [
        await documents().countDocuments(),
        await periods().countDocuments(),
      ];
      // The identifier may be written another way: the message is the same.
      const retry = await submit(RU, { ...input, foreignId: foreignId.replace(/\D/g, '') });
      expect(retry.errors).toBeUndefined();
      expect(retry.data?.submitPensionExchangePeriods).toEqual(
        first.data?.submitPensionExchangePeriods,
      );
      expect(await documents().countDocuments()).toBe(docsBefore);
      expect(await periods().countDocuments()).toBe(periodsBefore);
    });

    it('returns the same rejection for a retry of a rejected message', async () => {
      const { pin, caseId, foreignId } = await personWithCase();
      const input = {
        caseId,
        pin,
        foreignId,
        idempotencyKey: 'sfr-retry-00002',
        periods: [russian('2016-01-01', '2016-12-31')],
      };
      const first = await submit(RU, input);
      expect(first.data?.submitPensionExchangePeriods.status).toBe('REJECTED');
      const retry = await submit(RU, input);
      expect(retry.data?.submitPensionExchangePeriods).toEqual(
        first.data?.submitPensionExchangePeriods,
      );
    });

    it('refuses the same key with another payload as CONFLICT and writes nothing', async () => {
      const { pin, caseId, foreignId } = await personWithCase();
      const input = {
        caseId,
        pin,
        foreignId,
        idempotencyKey: 'sfr-retry-00003',
        periods: [russian('2021-01-01', '2021-12-31')],
      };
      const first = await submit(RU, input);
      const [docsBefore, periodsBefore] = [
        await documents().countDocuments(),
        await periods().countDocuments(),
      ];
      const changed = await submit(RU, {
        ...input,
        periods: [russian('2021-01-01', '2021-12-30')],
      });
      expect(changed.errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        field: 'idempotencyKey',
      });
      expect(changed.errors?.[0]?.message).toContain(
        first.data?.submitPensionExchangePeriods.documentId,
      );
      expect(changed.data ?? null).toBeNull();
      expect(await documents().countDocuments()).toBe(docsBefore);
      expect(await periods().countDocuments()).toBe(periodsBefore);
    });

    it('stores a message once when its duplicates arrive together', async () => {
      for (let round = 0; round < 3; round++) {
        const { pin, caseId, foreignId } = await personWithCase();
        const input = {
          caseId,
          pin,
          foreignId,
          idempotencyKey: `sfr-race-${round}-000`,
          periods: [russian('2021-01-01', '2021-12-31'), russian('2022-01-01', '2022-12-31')],
        };
        const results = await Promise.all([1, 2, 3, 4, 5].map(() => submit(RU, input)));
        expect(results.map((r) => r.errors)).toEqual([
          undefined,
          undefined,
          undefined,
          undefined,
          undefined,
        ]);
        const ids = new Set(results.map((r) => r.data?.submitPensionExchangePeriods.documentId));
        expect(ids.size).toBe(1);
        expect(results.map((r) => r.data?.submitPensionExchangePeriods.status)).toEqual(
          Array(5).fill('ACKNOWLEDGED'),
        );
        expect(
          await documents().countDocuments({
            caseId: { $exists: true },
            idempotencyKey: input.idempotencyKey,
          }),
        ).toBe(1);
        expect(await periods().countDocuments({ pin, source: 'PARTNER_REPORTED' })).toBe(2);
      }
    });

    it('owes that to a unique index on (partner, idempotencyKey), not to timing', async () => {
      const indexes = await documents().indexes();
      expect(indexes).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ key: { partner: 1, idempotencyKey: 1 }, unique: true }),
        ]),
      );
      const [stored] = await documents().find({ partner: 'RU-SFR' }).limit(1).toArray();
      const copy = { ...stored!, _id: new Types.ObjectId() };
      await expect(documents().insertOne(copy)).rejects.toMatchObject({ code: 11000 });
    });

    it('keys belong to a partner: another partner may use the same key', async () => {
      const { pin } = await personWithCase();
      const kzCase = await execute(
        server,
        OPEN,
        { input: { pin, foreignId: '900101300007', agreement: 'EAEU-2019' } },
        KZ,
      );
      const result = await submit(KZ, {
        caseId: kzCase.data?.openPensionExchangeCase.caseId,
        pin,
        foreignId: '900101300007',
        idempotencyKey: 'sfr-ok-00000001',
        periods: [{ ...russian('2023-01-01', '2023-12-31'), country: 'KZ' }],
      });
      expect(result.data?.submitPensionExchangePeriods.status).toBe('ACKNOWLEDGED');
    });
  });

  it.each([
    ['a malformed key', { idempotencyKey: 'short' }, 'idempotencyKey'],
    ['another PIN than the case', { pin: '20202199000022' }, 'pin'],
    ['another identifier than the case', { foreignId: '98765432183' }, 'foreignId'],
    ['no period', { periods: [] }, 'periods'],
  ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_why, change, field) => {
    const { pin, caseId, foreignId } = await personWithCase();
    const before = await documents().countDocuments();
    const result = await submit(RU, {
      caseId,
      pin,
      foreignId,
      idempotencyKey: 'sfr-envelope-01',
      periods: [russian('2021-01-01', '2021-12-31')],
      ...change,
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await documents().countDocuments()).toBe(before);
    expect(await periods().countDocuments({ pin, source: 'PARTNER_REPORTED' })).toBe(0);
  });

  it.each<[string, As, string]>([
    ["another partner's case", KZ, 'FORBIDDEN'],
    ['a pension officer', callerAs('PENSION_OFFICER'), 'FORBIDDEN'],
    ['an analyst', callerAs('ANALYST'), 'FORBIDDEN'],
    ['a partner without purpose', { ...RU, purpose: null }, 'FORBIDDEN'],
    ['an anonymous caller', { caller: null, purpose: null }, 'UNAUTHENTICATED'],
  ])(
    'refuses a submission to %s, writes nothing and audits it as DENIED',
    async (_who, as, code) => {
      const { pin, caseId, foreignId } = await personWithCase();
      const before = await documents().countDocuments();
      const requestId = `submit-refused-${pinCounter}`;
      const result = await submit(
        as,
        {
          caseId,
          pin,
          foreignId,
          idempotencyKey: 'sfr-refused-001',
          periods: [russian('2021-01-01', '2021-12-31')],
        },
        requestId,
      );
      expect(result.errors?.[0]?.extensions?.code).toBe(code);
      expect(await documents().countDocuments()).toBe(before);
      const events = await connection.collection('audit_events').find({ requestId }).toArray();
      if (as.caller) {
        expect(events).toEqual([
          expect.objectContaining({
            refused: ['Mutation.submitPensionExchangePeriods'],
            pins: [pin],
            outcome: 'DENIED',
          }),
        ]);
      }
    },
  );

  it('refuses a submission to an unknown case as FORBIDDEN', async () => {
    const result = await submit(RU, {
      caseId: '0'.repeat(24),
      pin: '10101199000011',
      foreignId: SNILS,
      idempotencyKey: 'sfr-unknown-001',
      periods: [russian('2021-01-01', '2021-12-31')],
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  describe('invalidation and reminders', () => {
    it('invalidates an acknowledged document: its periods go, version 2, idempotent', async () => {
      const { pin, caseId, foreignId } = await personWithCase();
      const sent = await submit(RU, {
        caseId,
        pin,
        foreignId,
        idempotencyKey: 'sfr-inv-0000001',
        periods: [russian('2021-01-01', '2021-12-31')],
      });
      const documentId = sent.data?.submitPensionExchangePeriods.documentId;
      expect(await periods().countDocuments({ pin, source: 'PARTNER_REPORTED' })).toBe(1);
      const input = { documentId, reason: 'Period sent for the wrong person' };
      const result = await execute(server, INVALIDATE, { input }, RU);
      expect(result.errors).toBeUndefined();
      expect(result.data?.invalidatePensionExchangeDocument).toEqual({
        documentId,
        version: 2,
        status: 'INVALIDATED',
        invalidatedAt: expect.any(String),
        invalidationReason: 'Period sent for the wrong person',
      });
      expect(await periods().countDocuments({ pin, source: 'PARTNER_REPORTED' })).toBe(0);
      const again = await execute(server, INVALIDATE, { input }, RU);
      expect(again.data?.invalidatePensionExchangeDocument).toEqual(
        result.data?.invalidatePensionExchangeDocument,
      );
      // The periods may now be sent again, under a new key.
      const resent = await submit(RU, {
        caseId,
        pin,
        foreignId,
        idempotencyKey: 'sfr-inv-0000002',
        periods: [russian('2021-01-01', '2021-12-31')],
      });
      expect(resent.data?.submitPensionExchangePeriods.status).toBe('ACKNOWLEDGED');
    });

    it("refuses to invalidate another partner's document, and an empty reason", async () => {
      const { pin, caseId, foreignId } = await personWithCase();
      const sent = await submit(RU, {
        caseId,
        pin,
        foreignId,
        idempotencyKey: 'sfr-inv-0000003',
        periods: [russian('2021-01-01', '2021-12-31')],
      });
      const documentId = sent.data?.submitPensionExchangePeriods.documentId;
      const other = await execute(
        server,
        INVALIDATE,
        { input: { documentId, reason: 'mine now' } },
        KZ,
      );
      expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const empty = await execute(server, INVALIDATE, { input: { documentId, reason: '  ' } }, RU);
      expect(empty.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'reason',
      });
      expect((await documents().findOne({ idempotencyKey: 'sfr-inv-0000003' }))?.status).toBe(
        'ACKNOWLEDGED',
      );
      expect(await periods().countDocuments({ pin, source: 'PARTNER_REPORTED' })).toBe(1);
    });

    it('refuses a reason holding a control or bidirectional character, changing nothing', async () => {
      const { pin, caseId, foreignId } = await personWithCase();
      const sent = await submit(RU, {
        caseId,
        pin,
        foreignId,
        idempotencyKey: 'sfr-inv-0000004',
        periods: [russian('2021-01-01', '2021-12-31')],
      });
      const documentId = sent.data?.submitPensionExchangePeriods.documentId;
      const result = await execute(
        server,
        INVALIDATE,
        { input: { documentId, reason: 'X\u0000\u202eY wrong person' } },
        RU,
      );
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'reason',
      });
      expect((await documents().findOne({ idempotencyKey: 'sfr-inv-0000004' }))?.status).toBe(
        'ACKNOWLEDGED',
      );
    });

    it('re-sends the last acknowledgement on a reminder, counting reminders', async () => {
      const { pin, caseId, foreignId } = await personWithCase();
      await submit(RU, {
        caseId,
        pin,
        foreignId,
        idempotencyKey: 'sfr-rem-0000001',
        periods: [russian('2021-01-01', '2021-06-30', 0, 6)],
      });
      const last = await submit(RU, {
        caseId,
        pin,
        foreignId,
        idempotencyKey: 'sfr-rem-0000002',
        periods: [russian('2021-07-01', '2021-12-31', 0, 6)],
      });
      const first = await execute(server, REMIND, { input: { caseId } }, RU);
      expect(first.data?.remindPensionExchangeDocument).toEqual({
        documentId: last.data?.submitPensionExchangePeriods.documentId,
        status: 'ACKNOWLEDGED',
        reminders: 1,
      });
      const second = await execute(server, REMIND, { input: { caseId } }, RU);
      expect(second.data?.remindPensionExchangeDocument.reminders).toBe(2);
      expect(
        (await execute(server, REMIND, { input: { caseId } }, KZ)).errors?.[0]?.extensions?.code,
      ).toBe('FORBIDDEN');
    });

    it('settles on a reminder a document whose request stopped half way', async () => {
      const { pin, caseId, foreignId } = await personWithCase();
      const sent = await submit(RU, {
        caseId,
        pin,
        foreignId,
        idempotencyKey: 'sfr-rem-0000003',
        periods: [russian('2021-01-01', '2021-12-31')],
      });
      const documentId = sent.data?.submitPensionExchangePeriods.documentId;
      // As if the process had stopped after receiving the message: back to RECEIVED, no periods.
      await periods().deleteMany({ pin, source: 'PARTNER_REPORTED' });
      await documents().updateOne(
        { idempotencyKey: 'sfr-rem-0000003' },
        {
          $set: {
            status: PensionExchangeDocumentStatus.RECEIVED,
            periodIds: [],
            acknowledgedAt: null,
          },
        },
      );
      const reminded = await execute(server, REMIND, { input: { caseId, documentId } }, RU);
      expect(reminded.data?.remindPensionExchangeDocument).toEqual({
        documentId,
        status: 'ACKNOWLEDGED',
        reminders: 1,
      });
      expect(await periods().countDocuments({ pin, source: 'PARTNER_REPORTED' })).toBe(1);
    });

    it('lists the documents of a case, newest first', async () => {
      const { pin, caseId, foreignId } = await personWithCase();
      await submit(RU, {
        caseId,
        pin,
        foreignId,
        idempotencyKey: 'sfr-list-000001',
        periods: [russian('2021-01-01', '2021-06-30', 0, 6)],
      });
      await submit(RU, {
        caseId,
        pin,
        foreignId,
        idempotencyKey: 'sfr-list-000002',
        periods: [russian('2016-01-01', '2016-06-30', 0, 6)],
      });
      const result = await execute(server, DOCUMENTS, { caseId }, RU);
      expect(
        result.data?.pensionExchangeCase.documents.map((d: { status: string }) => d.status),
      ).toEqual(['REJECTED', 'ACKNOWLEDGED']);
    });
  });
});
