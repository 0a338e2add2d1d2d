import { Field, InputType } from 'type-graphql';
import { badUserInput, checkNotInFuture, DateScalar, formatIsoDate, PinScalar } from '@jol/kernel';
import { ContributionKind, PensionCurrency } from './contribution.type';

@InputType()
export class RecordContributionInput {
  @Field(() => PinScalar)
  pin!: string;

  @Field(() => DateScalar, { description: 'The day it was paid; not in the future.' })
  paidOn!: Date;

  @Field(() => String, {
    description: 'The month it covers, YYYY-MM; not after the month of paidOn.',
  })
  periodMonth!: string;

  @Field(() => String, {
    description: 'A positive decimal with up to 9 digits and 2 decimals, such as "1250.00".',
  })
  amount!: string;

  @Field(() => PensionCurrency)
  currency!: PensionCurrency;

  @Field(() => ContributionKind)
  kind!: ContributionKind;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Checks a `YYYY-MM` month from 1900 on, the same lower bound as the Date scalar. */
export function checkPeriodMonth(value: string, field = 'periodMonth'): void {
  const match = MONTH.exec(value);
  if (!match || Number(match[1]) < 1900) {
    throw badUserInput(field, value, 'must be a month YYYY-MM from 1900 on');
  }
}

/** Everything a contribution must satisfy beyond its scalar types, apart from the amount. */
export function checkRecordContributionInput(
  input: RecordContributionInput,
  now = new Date(),
): void {
  checkNotInFuture('paidOn', input.paidOn, now);
  checkPeriodMonth(input.periodMonth);
  const paidMonth = formatIsoDate(input.paidOn).slice(0, 7);
  // Months as YYYY-MM compare correctly as strings.
  if (input.periodMonth > paidMonth) {
    throw badUserInput(
      'periodMonth',
      input.periodMonth,
      `must not be after the month it was paid in (${paidMonth})`,
    );
  }
}

/** The last day of a checked `YYYY-MM` month: a contribution for it was earned up to that day. */
export function lastDayOfMonth(periodMonth: string): Date {
  const [year, month] = periodMonth.split('-').map(Number);
  return new Date(Date.UTC(year!, month!, 0));
}
