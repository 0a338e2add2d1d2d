import { Field, ID, InputType } from 'type-graphql';
import { badUserInput, conflict, DateScalar, formatIsoDate, PinScalar } from '@jol/kernel';
import { checkNotInFutureAt, Consulate } from '../consulate/consulate';
import type { ConsularRegistrationRecord } from './registration.model';

/** The longest city name kept; longer text is a mistake, not a city. */
export const MAX_CITY_LENGTH = 100;

@InputType()
export class RegisterConsularRegistrationInput {
  @Field(() => PinScalar)
  pin!: string;

  @Field(() => Consulate)
  consulate!: Consulate;

  @Field(() => String, {
    description: `The city of the address, 1 to ${MAX_CITY_LENGTH} characters.`,
  })
  addressCity!: string;

  @Field(() => DateScalar)
  from!: Date;
}

@InputType()
export class EndConsularRegistrationInput {
  @Field(() => ID)
  id!: string;

  @Field(() => DateScalar, { description: 'The day the citizen left the consulate’s country.' })
  to!: Date;
}

/** Checks a new registration and returns its city, trimmed. */
export function checkRegisterInput(input: RegisterConsularRegistrationInput, now = new Date()) {
  checkNotInFutureAt('from', input.from, input.consulate, now);
  const city = input.addressCity.trim();
  if (city.length === 0 || city.length > MAX_CITY_LENGTH)
    throw badUserInput(
      'addressCity',
      input.addressCity,
      `must hold 1 to ${MAX_CITY_LENGTH} characters besides spaces`,
    );
  return city;
}

/**
 * A citizen is registered with one consulate at a time, also in the past: a new registration
 * begins on or after the day the person's last one ended (the current one is the store's unique
 * index). `visible` says whether the caller may read the ended registration (an officer of another
 * post may not), which decides whether the refusal gives its end.
 */
export function checkNotBeforeLastEnd(
  from: Date,
  ended: Pick<ConsularRegistrationRecord, 'to'> | null,
  visible: boolean,
): void {
  if (!ended?.to || ended.to <= from) return;
  const end = visible ? ` (${formatIsoDate(ended.to)})` : '';
  throw badUserInput(
    'from',
    formatIsoDate(from),
    `must not be before the end of the person's last consular registration${end}`,
  );
}

/** A registration ends once, on or after the day it began, and not after today at its post. */
export function checkEndTransition(
  record: Pick<ConsularRegistrationRecord, '_id' | 'consulate' | 'from' | 'to'>,
  to: Date,
  now = new Date(),
): void {
  checkNotInFutureAt('to', to, record.consulate, now);
  const id = record._id.toHexString();
  if (record.to !== null && record.to !== undefined)
    throw conflict(`ConsularRegistration ${id} already ended on ${formatIsoDate(record.to)}`, 'id');
  if (to < record.from)
    throw badUserInput(
      'to',
      formatIsoDate(to),
      `must not be before from (${formatIsoDate(record.from)})`,
    );
}
