import { Types } from 'mongoose';
import { InsurancePeriodType } from '../insurance-period/insurance-period.type';
import type { ExchangeCaseRecord } from '../exchange-case/exchange-case.model';
import { PENSION_PARTNERS } from '../partner/partner.registry';
import {
  checkSubmissionEnvelope,
  calendarLength,
  OVERLAPS_RECORDED_REASON,
  rejectionReasons,
  submissionHash,
  type SubmitPensionExchangePeriodsInput,
} from './exchange-document.inputs';
import type { ExchangePeriodRecord } from './exchange-document.model';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const period = (
  from: string,
  to: string,
  change: Partial<ExchangePeriodRecord> = {},
): ExchangePeriodRecord => ({
  country: 'RU',
  from: day(from),
  to: day(to),
  type: InsurancePeriodType.EMPLOYMENT,
  years: 1,
  months: 0,
  days: 0,
  ...change,
});
const NOW = day('2025-06-15');

describe('calendarLength', () => {
  it.each([
    ['2022-01-01', '2022-12-31', { years: 1, months: 0, days: 0 }],
    ['2022-01-15', '2022-02-14', { years: 0, months: 1, days: 0 }],
    ['2022-01-31', '2022-02-27', { years: 0, months: 0, days: 28 }],
    ['2024-02-01', '2024-02-29', { years: 0, months: 1, days: 0 }],
    ['2020-03-10', '2022-06-19', { years: 2, months: 3, days: 10 }],
    ['2022-05-05', '2022-05-05', { years: 0, months: 0, days: 1 }],
  ])('%s..%s holds %o', (from, to, length) => {
    expect(calendarLength(day(from), day(to))).toEqual(length);
  });
});

describe("rejectionReasons: totals against the period's own dates", () => {
  it('accepts totals up to the calendar length of the period', () => {
    const periods = [
      period('2021-01-01', '2021-12-31'),
      period('2022-01-01', '2022-06-30', { years: 0, months: 5, days: 30 }),
    ];
    expect(rejectionReasons(periods, { country: 'RU', stored: [], now: NOW })).toEqual([]);
  });

  it('rejects a period whose declared years, months or days exceed its dates', () => {
    const periods = [
      period('2021-01-01', '2021-12-30'),
      period('2022-01-01', '2022-01-31', { years: 0, months: 1, days: 1 }),
      period('2023-01-01', '2023-01-10', { years: 9, months: 0, days: 0 }),
    ];
    expect(rejectionReasons(periods, { country: 'RU', stored: [], now: NOW })).toEqual([
      "period 1 (RU 2021-01-01..2021-12-30): totals 1y 0m 0d exceed the period's own dates (0y 11m 30d)",
      "period 2 (RU 2022-01-01..2022-01-31): totals 0y 1m 1d exceed the period's own dates (0y 1m 0d)",
      "period 3 (RU 2023-01-01..2023-01-10): totals 9y 0m 0d exceed the period's own dates (0y 0m 10d)",
    ]);
  });
});

describe('rejectionReasons', () => {
  it('accepts adjacent periods of the partner country that overlap nothing', () => {
    const periods = [period('2021-01-01', '2021-12-31'), period('2022-01-01', '2022-12-31')];
    expect(rejectionReasons(periods, { country: 'RU', stored: [], now: NOW })).toEqual([]);
  });

  it('gives every reason of its own periods at once, naming each by number, country and dates', () => {
    const periods = [
      period('2021-01-01', '2021-12-31'),
      period('2021-06-01', '2022-05-31'),
      period('2023-01-01', '2022-01-01'),
      period('2025-06-01', '2025-07-01', { country: 'KZ', years: 0, months: 1, days: 1 }),
      period('2019-01-01', '2019-12-31', { months: 12 }),
    ];
    const stored = [{ from: day('2019-06-01'), to: day('2019-06-30') }];
    expect(rejectionReasons(periods, { country: 'RU', stored, now: NOW })).toEqual([
      'period 1 (RU 2021-01-01..2021-12-31) overlaps period 2 (RU 2021-06-01..2022-05-31)',
      'period 3 (RU 2023-01-01..2022-01-01): to must not be before from',
      'period 4 (KZ 2025-06-01..2025-07-01): country must be RU, the country of your institution',
      'period 4 (KZ 2025-06-01..2025-07-01): must not be in the future',
      'period 5 (RU 2019-01-01..2019-12-31): totals must be 0-99 years, 0-11 months and 0-30 days',
    ]);
  });

  it('never describes the stored period it overlaps, nor which of its own periods does', () => {
    const reasons = rejectionReasons(
      [period('2017-01-01', '2017-12-31'), period('2018-01-01', '2018-12-31')],
      { country: 'RU', stored: [{ from: day('2018-03-01'), to: day('2018-03-31') }], now: NOW },
    );
    expect(reasons).toEqual([OVERLAPS_RECORDED_REASON]);
    expect(reasons.join()).not.toMatch(/2017|2018|period \d/);
  });

  it('answers a document with an invalid period the same whatever is recorded: no overlap oracle', () => {
    // A probe: one unit-length period, made invalid by a future one so that nothing is stored.
    const probe = [
      period('1995-03-17', '1995-03-17', { years: 0, days: 1 }),
      period('2030-01-01', '2030-12-31'),
    ];
    const answers = [
      [],
      [{ from: day('1995-03-17'), to: day('1995-03-17') }],
      [{ from: day('1990-01-01'), to: day('1999-12-31') }],
    ].map((stored) => rejectionReasons(probe, { country: 'RU', stored, now: NOW }));
    expect(answers[0]).toEqual(['period 2 (RU 2030-01-01..2030-12-31): must not be in the future']);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });
});

describe('submissionHash', () => {
  const periods = [period('2021-01-01', '2021-12-31')];

  it('is the same for the same message and differs for any change of it', () => {
    const base = submissionHash('c1', '10101199000011', '11223344595', periods);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(
      submissionHash('c1', '10101199000011', '11223344595', [period('2021-01-01', '2021-12-31')]),
    ).toBe(base);
    expect(submissionHash('c2', '10101199000011', '11223344595', periods)).not.toBe(base);
    expect(
      submissionHash('c1', '10101199000011', '11223344595', [period('2021-01-01', '2021-12-30')]),
    ).not.toBe(base);
    expect(
      submissionHash('c1', '10101199000011', '11223344595', [
        period('2021-01-01', '2021-12-31', { days: 1 }),
      ]),
    ).not.toBe(base);
  });
});

describe('checkSubmissionEnvelope', () => {
  const partner = PENSION_PARTNERS.find((p) => p._id === 'RU-SFR')!;
  const exchangeCase: ExchangeCaseRecord = {
    _id: new Types.ObjectId(),
    pin: '10101199000011',
    partner: 'RU-SFR',
    agreement: 'EAEU-2019',
    foreignId: '11223344595',
    openedBy: 'test',
    createdAt: NOW,
    updatedAt: NOW,
  };
  const input = (change: Partial<SubmitPensionExchangePeriodsInput> = {}) =>
    ({
      caseId: exchangeCase._id.toHexString(),
      pin: exchangeCase.pin,
      foreignId: '112-233-445 95',
      idempotencyKey: 'sfr-2025-000001',
      periods: [period('2021-01-01', '2021-12-31')],
      ...change,
    }) as SubmitPensionExchangePeriodsInput;

  it('returns the normalized identifier of a well-formed envelope', () => {
    expect(checkSubmissionEnvelope(input(), exchangeCase, partner)).toBe('11223344595');
  });

  it.each([
    ['a short key', { idempotencyKey: 'abc' }, 'idempotencyKey', '"abc"'],
    ['a key with a dot', { idempotencyKey: 'kg.12345678' }, 'idempotencyKey', 'kg.12345678'],
    ['no period', { periods: [] }, 'periods', '0'],
    ['another PIN', { pin: '20202199000022' }, 'pin', '20202199000022'],
    ['another identifier', { foreignId: '98765432183' }, 'foreignId', '98765432183'],
  ])('refuses %s as BAD_USER_INPUT naming the value', (_why, change, field, shown) => {
    try {
      checkSubmissionEnvelope(
        input(change as Partial<SubmitPensionExchangePeriodsInput>),
        exchangeCase,
        partner,
      );
      throw new Error('accepted');
    } catch (error) {
      const e = error as { message: string; extensions?: { code?: string; field?: string } };
      expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(e.message).toContain(shown);
    }
  });
});
