import { Field, InputType } from 'type-graphql';
import {
  badUserInput,
  checkNotInFuture,
  CountryCodeScalar,
  DateScalar,
  formatIsoDate,
  PinScalar,
} from '@jol/kernel';
import { HOME_COUNTRY, InsurancePeriodSource, InsurancePeriodType } from './insurance-period.type';

@InputType()
export class RecordInsurancePeriodInput {
  @Field(() => PinScalar)
  pin!: string;

  @Field(() => CountryCodeScalar, { description: 'KG for a period insured at home.' })
  country!: string;

  @Field(() => DateScalar, { description: 'First day of the period.' })
  from!: Date;

  @Field(() => DateScalar, { description: 'Last day of the period, not before from.' })
  to!: Date;

  @Field(() => InsurancePeriodType)
  type!: InsurancePeriodType;

  @Field(() => InsurancePeriodSource)
  source!: InsurancePeriodSource;
}

/** Everything a period must satisfy on its own; overlap with stored periods is checked on write. */
export function checkRecordInsurancePeriodInput(
  input: RecordInsurancePeriodInput,
  now = new Date(),
): void {
  checkNotInFuture('from', input.from, now);
  checkNotInFuture('to', input.to, now);
  if (input.to < input.from) {
    throw badUserInput(
      'to',
      formatIsoDate(input.to),
      `must not be before from (${formatIsoDate(input.from)})`,
    );
  }
  checkSourceMatchesCountry(input.source, input.country);
}

/** A domestic period is insured in KG; a period from abroad or from a partner is not. */
export function checkSourceMatchesCountry(source: InsurancePeriodSource, country: string): void {
  const home = country === HOME_COUNTRY;
  if (source === InsurancePeriodSource.DOMESTIC && !home) {
    throw badUserInput('country', country, `must be ${HOME_COUNTRY} for a ${source} period`);
  }
  if (source !== InsurancePeriodSource.DOMESTIC && home) {
    throw badUserInput(
      'country',
      country,
      `must be a country other than ${HOME_COUNTRY} for a ${source} period`,
    );
  }
}
