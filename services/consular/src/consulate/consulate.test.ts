import { GraphQLError } from 'graphql';
import { Types } from 'mongoose';
import { formatIsoDate, parseIsoDate } from '@jol/kernel';
import { checkCloseTransition, checkOpenInput } from '../assistance-case/assistance-case.inputs';
import { AssistanceCaseStatus, AssistanceType } from '../assistance-case/assistance-case.type';
import { checkEndTransition, checkRegisterInput } from '../registration/registration.inputs';
import { checkNotInFutureAt, Consulate, CONSULATES, todayAt } from './consulate';

const day = (iso: string) => parseIsoDate(iso);
const refusal = (run: () => void): string | null => {
  try {
    run();
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    return (error as GraphQLError).extensions.code as string;
  }
};

// 01:30 on 1 December in Seoul, 23:30 on 30 November in Novosibirsk, 22:30 in Bishkek.
const SEOUL_AFTER_MIDNIGHT = new Date('2026-11-30T16:30:00Z');

describe("a post's today", () => {
  it('is the calendar day at the post, whichever side of Bishkek it is', () => {
    expect(todayAt(Consulate.KR_SEOUL, SEOUL_AFTER_MIDNIGHT)).toEqual(day('2026-12-01'));
    expect(todayAt(Consulate.RU_NOVOSIBIRSK, SEOUL_AFTER_MIDNIGHT)).toEqual(day('2026-11-30'));
    expect(todayAt(Consulate.US_WASHINGTON, SEOUL_AFTER_MIDNIGHT)).toEqual(day('2026-11-30'));
  });

  it('names, for every post, a time zone the runtime knows (a misspelt one throws)', () => {
    // 16:30 UTC: every post's calendar is on 30 November or, east of UTC+7:30, on 1 December.
    const days = CONSULATES.map((consulate) =>
      formatIsoDate(todayAt(consulate, SEOUL_AFTER_MIDNIGHT)),
    );
    expect(new Set(days)).toEqual(new Set(['2026-11-30', '2026-12-01']));
    expect(formatIsoDate(todayAt(Consulate.RU_MOSCOW, SEOUL_AFTER_MIDNIGHT))).toBe('2026-11-30');
  });
});

describe('checkNotInFutureAt: not after today at the post or in the Kyrgyz Republic', () => {
  it.each<[string, Consulate, string, string | null]>([
    ["Seoul's new day", Consulate.KR_SEOUL, '2026-12-01', null],
    ["the day after Seoul's", Consulate.KR_SEOUL, '2026-12-02', 'BAD_USER_INPUT'],
    [
      "Seoul's new day at a post still on the day before",
      Consulate.RU_MOSCOW,
      '2026-12-01',
      'BAD_USER_INPUT',
    ],
    ["Bishkek's day at a post behind it", Consulate.US_WASHINGTON, '2026-11-30', null],
  ])('%s', (_name, consulate, date, expected) => {
    expect(
      refusal(() => checkNotInFutureAt('openedOn', day(date), consulate, SEOUL_AFTER_MIDNIGHT)),
    ).toBe(expected);
  });

  it('is what every dated consular write is held to', () => {
    const now = SEOUL_AFTER_MIDNIGHT;
    const tomorrow = day('2026-12-01');
    const opened = { pin: '10101199000001', type: AssistanceType.DETENTION, openedOn: tomorrow };
    expect(refusal(() => checkOpenInput({ ...opened, consulate: Consulate.KR_SEOUL }, now))).toBe(
      null,
    );
    expect(refusal(() => checkOpenInput({ ...opened, consulate: Consulate.KZ_ALMATY }, now))).toBe(
      'BAD_USER_INPUT',
    );
    const registration = {
      pin: '10101199000001',
      addressCity: 'Ansan',
      from: tomorrow,
    };
    expect(
      refusal(() => checkRegisterInput({ ...registration, consulate: Consulate.KR_SEOUL }, now)),
    ).toBe(null);
    expect(
      refusal(() => checkRegisterInput({ ...registration, consulate: Consulate.DE_BERLIN }, now)),
    ).toBe('BAD_USER_INPUT');
    const held = (consulate: Consulate) => ({
      _id: new Types.ObjectId(),
      consulate,
      status: AssistanceCaseStatus.OPEN,
      openedOn: day('2026-11-01'),
      closedOn: null,
      from: day('2026-11-01'),
      to: null,
    });
    expect(refusal(() => checkCloseTransition(held(Consulate.KR_SEOUL), tomorrow, now))).toBe(null);
    expect(refusal(() => checkCloseTransition(held(Consulate.TR_ANKARA), tomorrow, now))).toBe(
      'BAD_USER_INPUT',
    );
    expect(refusal(() => checkEndTransition(held(Consulate.KR_SEOUL), tomorrow, now))).toBe(null);
    expect(refusal(() => checkEndTransition(held(Consulate.AE_DUBAI), tomorrow, now))).toBe(
      'BAD_USER_INPUT',
    );
  });
});
