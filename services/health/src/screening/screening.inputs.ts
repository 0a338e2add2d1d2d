import { Field, InputType } from 'type-graphql';
import {
  badUserInput,
  checkNotInFuture,
  DateScalar,
  hasControlCharacters,
  PinScalar,
} from '@jol/kernel';
import { ScreeningKind, ScreeningResult } from './screening.type';

@InputType()
export class RecordScreeningInput {
  @Field(() => PinScalar)
  pin!: string;

  @Field(() => ScreeningKind)
  kind!: ScreeningKind;

  @Field(() => ScreeningResult)
  result!: ScreeningResult;

  @Field(() => DateScalar)
  screenedOn!: Date;

  @Field(() => String, { description: 'Name of the medical facility, 1-150 characters.' })
  facility!: string;
}

export const MAX_FACILITY_LENGTH = 150;

/** Returns the facility name trimmed, or refuses one that is blank, too long or holds control characters. */
export function parseFacility(value: string, field = 'facility'): string {
  const trimmed = value.trim();
  const length = [...trimmed].length;
  if (length < 1 || length > MAX_FACILITY_LENGTH || hasControlCharacters(trimmed)) {
    throw badUserInput(
      field,
      value,
      `must be 1-${MAX_FACILITY_LENGTH} characters without control characters`,
    );
  }
  return trimmed;
}

/** Everything a screening must satisfy beyond its scalar types; returns the values to store. */
export function checkRecordScreeningInput(input: RecordScreeningInput, now = new Date()) {
  checkNotInFuture('screenedOn', input.screenedOn, now);
  return {
    pin: input.pin,
    kind: input.kind,
    result: input.result,
    screenedOn: input.screenedOn,
    facility: parseFacility(input.facility),
  };
}
