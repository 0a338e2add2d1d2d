import { Field, InputType } from 'type-graphql';
import {
  badUserInput,
  checkNotInFuture,
  CountryCodeScalar,
  DateScalar,
  formatIsoDate,
  PinScalar,
} from '@jol/kernel';
import { EntryBanReason } from './entry-ban.type';

@InputType()
export class RecordEntryBanInput {
  @Field(() => PinScalar)
  pin!: string;

  @Field(() => CountryCodeScalar)
  country!: string;

  @Field(() => DateScalar)
  from!: Date;

  @Field(() => DateScalar, { nullable: true })
  until?: Date | null;

  @Field(() => EntryBanReason)
  reason!: EntryBanReason;
}

export function checkRecordEntryBanInput(input: RecordEntryBanInput, now = new Date()): void {
  checkNotInFuture('from', input.from, now);
  if (input.country === 'KG')
    throw badUserInput('country', input.country, 'must be a country other than KG');
  if (input.until && input.until < input.from) {
    throw badUserInput(
      'until',
      formatIsoDate(input.until),
      `must not be before from (${formatIsoDate(input.from)})`,
    );
  }
}
