import { Types, type Connection } from 'mongoose';
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
    }
  }
`;

const RECORD = /* GraphQL */ `
  mutation RecordDecision($input: RecordPensionDecisionInput!) {
    recordPensionDecision(input: $input) {
      documentId
      caseId
      status
      type
      result
      effectiveOn
      grossAmount
      netAmount
      currency
      frequency
      refusalReasons
      basis
      decidedAt
    }
  }
`;

const DECISIONS = /* GraphQL */ `
  query Decisions($caseId: ID!) {
    pensionExchangeCase(caseId: $caseId) {
      decisions {
        documentId
        status
        result
        grossAmount
      }
      documents {
        type
        direction
        status
        decision {
          result
        }
      }
    }
  }
`;

const ACKNOWLEDGE = /* GraphQL */ `
  mutation Acknowledge($input: AcknowledgePensionExchangeDocumentInput!) {
    acknowledgePensionExchangeDocument(input: $input) {
      documentId
      status
      acknowledgedAt
    }
  }
`;

type As = { caller: Caller | null; purpose: string | null };
const RU = callerAs('PARTNER', { partner: 'RU-SFR' });
const KZ = callerAs('PARTNER', { partner: 'KZ-GK' });
const PIN = '10808196200018';

const grant = (caseId: string) => ({
  caseId,
  type: 'OLD_AGE',
  result: 'GRANTED',
  effectiveOn: '2025-03-15',
  grossAmount: '8500.00',
  netAmount: '8500.00',
  currency: 'KGS',
  frequency: 'MONTHLY',
  basis: 'WORK',
});

describe('pensions: decisions (P6000 out)', () => {
  let connection: Connection;
  let server: Awaited<ReturnType<typeof createPensionsServer>>;
  let caseId: string;
  const documents = () => connection.collection('pension_exchange_documents');

  beforeAll(async () => {
    connection = await openTestDatabase('pensions');
    server = await createPensionsServer({ connection, log: quietLogger(), access: testAccess() });
    await prepareTestDatabase(connection);
    await ensurePartnerRegistry(createPensionsModels(connection));
    const opened = await execute(
      server,
      OPEN,
      { input: { pin: PIN, foreignId: '11223344595', agreement: 'EAEU-2019' } },
      RU,
    );
    caseId = opened.data?.openPensionExchangeCase.caseId;
  });
  afterAll(async () => {
    await server.apollo.stop();
    await dropTestDatabase(connection);
  });

  it("records a grant and a refusal, sends each to the case's partner as a P6000", async () => {
    const granted = await execute(server, RECORD, { input: grant(caseId) });
    expect(granted.errors).toBeUndefined();
    expect(granted.data?.recordPensionDecision).toEqual({
      documentId: expect.stringMatching(/^[0-9a-f]{24}$/),
      caseId,
      status: 'RECEIVED',
      type: 'OLD_AGE',
      result: 'GRANTED',
      effectiveOn: '2025-03-15',
      grossAmount: '8500.00',
      netAmount: '8500.00',
      currency: 'KGS',
      frequency: 'MONTHLY',
      refusalReasons: [],
      basis: 'WORK',
      decidedAt: expect.any(String),
    });
    const refused = await execute(server, RECORD, {
      input: {
        caseId,
        type: 'DISABILITY',
        result: 'REFUSED',
        effectiveOn: '2025-04-01',
        refusalReasons: ['No disability group established'],
        basis: 'WORK',
      },
    });
    expect(refused.data?.recordPensionDecision).toMatchObject({
      result: 'REFUSED',
      grossAmount: null,
    });

    const read = await execute(server, DECISIONS, { caseId }, RU);
    expect(read.errors).toBeUndefined();
    expect(
      read.data?.pensionExchangeCase.decisions.map((d: { result: string }) => d.result),
    ).toEqual(['REFUSED', 'GRANTED']);
    expect(read.data?.pensionExchangeCase.documents).toEqual([
      { type: 'P6000', direction: 'OUTBOUND', status: 'RECEIVED', decision: { result: 'REFUSED' } },
      { type: 'P6000', direction: 'OUTBOUND', status: 'RECEIVED', decision: { result: 'GRANTED' } },
    ]);
  });

  it('refuses a refusal reason holding a control or bidirectional character, naming it, writing nothing', async () => {
    const before = await documents().countDocuments();
    const result = await execute(server, RECORD, {
      input: {
        caseId,
        type: 'DISABILITY',
        result: 'REFUSED',
        effectiveOn: '2025-04-01',
        refusalReasons: ['No disability group established', 'X\u0000\u202eY'],
        basis: 'WORK',
      },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'refusalReasons[1]',
    });
    expect(await documents().countDocuments()).toBe(before);
  });

  it('lets the partner acknowledge a decision sent to it, once', async () => {
    const recorded = await execute(server, RECORD, { input: grant(caseId) });
    const documentId = recorded.data?.recordPensionDecision.documentId;
    const acknowledged = await execute(server, ACKNOWLEDGE, { input: { documentId } }, RU);
    expect(acknowledged.data?.acknowledgePensionExchangeDocument).toEqual({
      documentId,
      status: 'ACKNOWLEDGED',
      acknowledgedAt: expect.any(String),
    });
    const again = await execute(server, ACKNOWLEDGE, { input: { documentId } }, RU);
    expect(again.data?.acknowledgePensionExchangeDocument).toEqual(
      acknowledged.data?.acknowledgePensionExchangeDocument,
    );
    const other = await execute(server, ACKNOWLEDGE, { input: { documentId } }, KZ);
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it.each([
    ['an effect before the agreement', { effectiveOn: '2020-06-01' }, 'effectiveOn', '2020-06-01'],
    ['net above gross', { netAmount: '9000.00' }, 'netAmount', '9000.00'],
    ['a grant without amounts', { grossAmount: null }, 'grossAmount', '""'],
    [
      'a refusal without reasons',
      { result: 'REFUSED', grossAmount: null, netAmount: null, currency: null, frequency: null },
      'refusalReasons',
      '[]',
    ],
  ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_why, change, field, shown) => {
    const before = await documents().countDocuments();
    const result = await execute(server, RECORD, { input: { ...grant(caseId), ...change } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.errors?.[0]?.message).toContain(shown);
    expect(await documents().countDocuments()).toBe(before);
  });

  it('refuses an unknown case as NOT_FOUND', async () => {
    const result = await execute(server, RECORD, { input: grant('0'.repeat(24)) });
    expect(result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it.each<[string, As, string]>([
    ['the partner', RU, 'FORBIDDEN'],
    ['a labour officer', callerAs('LABOUR_OFFICER'), 'FORBIDDEN'],
    [
      'a pension officer without a purpose',
      { ...callerAs('PENSION_OFFICER'), purpose: null },
      'FORBIDDEN',
    ],
    ['an anonymous caller', { caller: null, purpose: null }, 'UNAUTHENTICATED'],
  ])('refuses a decision recorded by %s and writes nothing', async (_who, as, code) => {
    const before = await documents().countDocuments();
    const result = await execute(server, RECORD, { input: grant(caseId) }, as);
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(await documents().countDocuments()).toBe(before);
  });

  it("refuses a partner the decisions of another partner's case", async () => {
    const result = await execute(server, DECISIONS, { caseId }, KZ);
    expect(result.data?.pensionExchangeCase ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('audits a recorded decision with the PIN of the case', async () => {
    await execute(
      server,
      RECORD,
      { input: grant(caseId) },
      { headers: { 'x-request-id': 'decision-write' } },
    );
    expect(
      await connection.collection('audit_events').find({ requestId: 'decision-write' }).toArray(),
    ).toEqual([
      expect.objectContaining({
        served: ['Mutation.recordPensionDecision'],
        pins: [PIN],
        roles: ['PENSION_OFFICER'],
        outcome: 'ALLOWED',
      }),
    ]);
  });

  describe("after the partner's state left the agreement (Russia and the CIS agreement, 2022-12-31)", () => {
    const CIS_PIN = '10909196100019';
    let cisCaseId: string;
    const PERIODS = /* GraphQL */ `
      query Periods($caseId: ID!) {
        pensionExchangeCase(caseId: $caseId) {
          kyrgyzPeriods {
            from
            to
          }
        }
      }
    `;

    beforeAll(async () => {
      // A case opened in 2022, while Russia still relied on the CIS agreement; none opens now.
      const opened = await connection.collection('pension_exchange_cases').insertOne({
        pin: CIS_PIN,
        partner: 'RU-SFR',
        agreement: 'CIS-1992',
        foreignId: '11223344595',
        openedBy: 'sfr-system',
        createdAt: new Date('2022-06-01T09:00:00Z'),
        updatedAt: new Date('2022-06-01T09:00:00Z'),
      });
      cisCaseId = opened.insertedId.toHexString();
      await connection.collection('insurance_periods').insertOne({
        pin: CIS_PIN,
        country: 'KG',
        from: new Date('1990-01-01T00:00:00Z'),
        to: new Date('2000-12-31T00:00:00Z'),
        type: 'EMPLOYMENT',
        source: 'DOMESTIC',
      });
    });

    it('records a decision effective while it applied, and refuses one effective after, writing nothing', async () => {
      const before = await documents().countDocuments();
      const late = await execute(server, RECORD, {
        input: { ...grant(cisCaseId), effectiveOn: '2023-01-01' },
      });
      expect(late.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'effectiveOn',
      });
      expect(late.errors?.[0]?.message).toContain('2023-01-01');
      expect(await documents().countDocuments()).toBe(before);

      const inTime = await execute(server, RECORD, {
        input: { ...grant(cisCaseId), effectiveOn: '2022-07-01' },
      });
      expect(inTime.errors).toBeUndefined();
      const read = await execute(server, DECISIONS, { caseId: cisCaseId }, RU);
      expect(read.data?.pensionExchangeCase.decisions).toEqual([
        expect.objectContaining({ documentId: inTime.data?.recordPensionDecision.documentId }),
      ]);
    });

    it('shows a decision outside the agreement neither in decisions nor in documents', async () => {
      // As if the registry changed after it was recorded: a P6000 effective after the end.
      const before = await execute(server, DECISIONS, { caseId: cisCaseId }, RU);
      const recorded = before.data!.pensionExchangeCase.documents;
      expect(recorded).toHaveLength(1);
      const stored = await documents().findOne({ caseId: { $exists: true }, type: 'P6000' });
      await documents().insertOne({
        ...stored,
        _id: new Types.ObjectId(),
        caseId: new Types.ObjectId(cisCaseId),
        pin: CIS_PIN,
        partner: 'RU-SFR',
        idempotencyKey: `kg.out-of-scope-${cisCaseId}`,
        decision: { ...stored!.decision, effectiveOn: new Date('2024-01-01T00:00:00Z') },
      });
      const read = await execute(server, DECISIONS, { caseId: cisCaseId }, RU);
      expect(read.errors).toBeUndefined();
      expect(read.data?.pensionExchangeCase.decisions).toHaveLength(1);
      expect(read.data?.pensionExchangeCase.documents).toEqual(recorded);
    });

    it('sends the partner no Kyrgyz period under it any more', async () => {
      const read = await execute(server, PERIODS, { caseId: cisCaseId }, RU);
      expect(read.errors).toBeUndefined();
      expect(read.data?.pensionExchangeCase.kyrgyzPeriods).toEqual([]);
      const officer = await execute(server, PERIODS, { caseId: cisCaseId });
      expect(officer.data?.pensionExchangeCase.kyrgyzPeriods).toEqual([]);
    });
  });
});
