import { createHash } from 'node:crypto';
import { Field, ID, InputType } from 'type-graphql';
import { badUserInput, formatIsoDate, PinScalar, today } from '@jol/kernel';
import type { ExchangeCaseRecord } from '../exchange-case/exchange-case.model';
import { normalizeForeignId } from '../exchange-case/exchange-case.foreign-id';
import type { PensionPartnerRecord } from '../partner/partner.model';
import type { ExchangePeriodRecord } from './exchange-document.model';
import { PensionExchangePeriodInput } from './exchange-document.type';

@InputType({
  description: 'A P5000: insurance periods at your institution for a person of a case.',
})
export class SubmitPensionExchangePeriodsInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => PinScalar, { description: 'The Kyrgyz PIN of the case.' })
  pin!: string;

  @Field(() => String, {
    description: 'Your identifier of the person, as the case was opened with.',
  })
  foreignId!: string;

  @Field(() => String, {
    description:
      'Your key for this message, 8-128 letters, digits, _ or -: a retry with the same key and payload returns the first result; another payload with it is a CONFLICT.',
  })
  idempotencyKey!: string;

  @Field(() => [PensionExchangePeriodInput], { description: '1-100 periods.' })
  periods!: PensionExchangePeriodInput[];
}

@InputType()
export class InvalidatePensionExchangeDocumentInput {
  @Field(() => ID, { description: 'A document your institution sent.' })
  documentId!: string;

  @Field(() => String, { description: 'Why it is withdrawn, 1-500 characters.' })
  reason!: string;
}

@InputType()
export class RemindPensionExchangeDocumentInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The document to remind about; by default the last one your institution sent.',
  })
  documentId?: string | null;
}

@InputType()
export class AcknowledgePensionExchangeDocumentInput {
  @Field(() => ID, { description: 'A document the Social Fund sent to your institution.' })
  documentId!: string;
}

export const MAX_PERIODS_PER_SUBMISSION = 100;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9][A-Za-z0-9_-]{7,127}$/;
const MAX_YEARS = 99;

/**
 * The envelope of a submission: a well-formed key, 1-100 periods, and the person as the case
 * knows them. Anything wrong here is a BAD_USER_INPUT and nothing is written. Returns the
 * partner's identifier normalized.
 */
export function checkSubmissionEnvelope(
  input: SubmitPensionExchangePeriodsInput,
  exchangeCase: ExchangeCaseRecord,
  partner: PensionPartnerRecord,
): string {
  if (!IDEMPOTENCY_KEY.test(input.idempotencyKey)) {
    throw badUserInput(
      'idempotencyKey',
      input.idempotencyKey,
      'must be 8-128 letters, digits, _ or -, starting with a letter or digit',
    );
  }
  if (input.periods.length === 0 || input.periods.length > MAX_PERIODS_PER_SUBMISSION) {
    throw badUserInput(
      'periods',
      input.periods.length,
      `must hold 1-${MAX_PERIODS_PER_SUBMISSION} periods`,
    );
  }
  const caseId = exchangeCase._id.toHexString();
  if (input.pin !== exchangeCase.pin)
    throw badUserInput('pin', input.pin, `must be the PIN of case ${caseId}`);
  const foreignId = normalizeForeignId(partner.personIdName, input.foreignId);
  if (foreignId !== exchangeCase.foreignId) {
    throw badUserInput(
      'foreignId',
      input.foreignId,
      `must be the identifier case ${caseId} was opened with`,
    );
  }
  return foreignId;
}

/** SHA-256 over everything a submission says but its key: the same message hashes the same. */
export function submissionHash(
  caseId: string,
  pin: string,
  foreignId: string,
  periods: readonly ExchangePeriodRecord[],
): string {
  const canonical = JSON.stringify([
    caseId,
    pin,
    foreignId,
    periods.map((p) => [
      p.country,
      formatIsoDate(p.from),
      formatIsoDate(p.to),
      p.type,
      p.years,
      p.months,
      p.days,
    ]),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * The calendar length of a period, both ends inclusive, in whole years, months and days (the day
 * after `to` counted from `from`): 2022-01-01..2022-12-31 is 1 year, 2022-01-15..2022-02-14 is
 * 1 month. The most a P5000 period's declared totals may say.
 */
export function calendarLength(
  from: Date,
  to: Date,
): { years: number; months: number; days: number } {
  const end = new Date(to.getTime() + 86_400_000);
  let years = end.getUTCFullYear() - from.getUTCFullYear();
  let months = end.getUTCMonth() - from.getUTCMonth();
  let days = end.getUTCDate() - from.getUTCDate();
  if (days < 0) {
    months -= 1;
    // Days of the month before the end's month.
    days += new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth(), 0)).getUTCDate();
  }
  if (months < 0) {
    years -= 1;
    months += 12;
  }
  return { years, months, days };
}

/** Whether declared totals say more than the period's own dates hold (compared as y, m, d). */
export function totalsExceedDates(p: ExchangePeriodRecord): boolean {
  const length = calendarLength(p.from, p.to);
  if (p.years !== length.years) return p.years > length.years;
  if (p.months !== length.months) return p.months > length.months;
  return p.days > length.days;
}

/** A stored period, as much as a rejection needs to know of it. */
export interface StoredSpan {
  from: Date;
  to: Date;
}

const describe = (index: number, p: ExchangePeriodRecord) =>
  `period ${index + 1} (${p.country} ${formatIsoDate(p.from)}..${formatIsoDate(p.to)})`;

/**
 * The one reason a P5000 that is valid on its own gets when it overlaps a recorded period. It names
 * no period, index or bound: recorded periods include domestic ones outside the partner's treaty
 * and other partners' ones, which the partner may not read.
 */
export const OVERLAPS_RECORDED_REASON =
  'the document overlaps insurance periods already recorded for the person; no period was stored';

/**
 * Why a P5000 must be rejected (an empty list accepts it). First every reason a period is wrong on
 * its own or against the others of the message (in the future, ending before it starts, of another
 * country than the partner's, totals out of range, overlapping another of the message): if there
 * is any, those alone, and recorded periods are not consulted, so a document with an invalid
 * period answers the same whatever is recorded. Only an otherwise valid document is checked
 * against the periods recorded for the person, and an overlap is the one document-wide
 * OVERLAPS_RECORDED_REASON.
 */
export function rejectionReasons(
  periods: readonly ExchangePeriodRecord[],
  context: { country: string; stored: readonly StoredSpan[]; now?: Date },
): string[] {
  const invalid = invalidityReasons(periods, context.country, context.now ?? new Date());
  if (invalid.length > 0) return invalid;
  const overlaps = periods.some((p) =>
    context.stored.some((s) => p.from <= s.to && s.from <= p.to),
  );
  return overlaps ? [OVERLAPS_RECORDED_REASON] : [];
}

/**
 * Whether a P5000's periods are valid on their own and against each other (rejectionReasons would
 * consult what is recorded). Only such a document is held to the person's registered birth date.
 */
export function isValidOnItsOwn(
  periods: readonly ExchangePeriodRecord[],
  country: string,
  now = new Date(),
): boolean {
  return invalidityReasons(periods, country, now).length === 0;
}

/** What is wrong with the message's own periods, each named by number, country and dates. */
function invalidityReasons(
  periods: readonly ExchangePeriodRecord[],
  country: string,
  now: Date,
): string[] {
  const bound = today(now);
  const reasons: string[] = [];
  periods.forEach((p, i) => {
    const name = describe(i, p);
    if (p.country !== country)
      reasons.push(`${name}: country must be ${country}, the country of your institution`);
    if (p.from > bound || p.to > bound) reasons.push(`${name}: must not be in the future`);
    if (p.to < p.from) reasons.push(`${name}: to must not be before from`);
    const totals = [p.years, p.months, p.days];
    if (
      totals.some((n) => !Number.isInteger(n) || n < 0) ||
      p.years > MAX_YEARS ||
      p.months > 11 ||
      p.days > 30
    ) {
      reasons.push(`${name}: totals must be 0-${MAX_YEARS} years, 0-11 months and 0-30 days`);
    } else if (p.to >= p.from && totalsExceedDates(p)) {
      const length = calendarLength(p.from, p.to);
      reasons.push(
        `${name}: totals ${p.years}y ${p.months}m ${p.days}d exceed the period's own dates ` +
          `(${length.years}y ${length.months}m ${length.days}d)`,
      );
    }
    periods.forEach((other, j) => {
      if (j > i && p.from <= other.to && other.from <= p.to)
        reasons.push(`${name} overlaps ${describe(j, other)}`);
    });
  });
  return reasons;
}
