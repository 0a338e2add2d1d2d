import { Field, InputType } from 'type-graphql';
import {
  badUserInput,
  checkNotInFuture,
  CountryCodeScalar,
  DateScalar,
  PinScalar,
} from '@jol/schema';
import { MigrationPurpose } from './episode.type';

@InputType()
export class RegisterDepartureInput {
  @Field(() => PinScalar)
  pin!: string;

  @Field(() => DateScalar)
  departedOn!: Date;

  @Field(() => CountryCodeScalar)
  country!: string;

  @Field(() => String, { nullable: true })
  city?: string | null;

  @Field(() => MigrationPurpose)
  purpose!: MigrationPurpose;
}

@InputType()
export class RegisterReturnInput {
  @Field(() => PinScalar)
  pin!: string;

  @Field(() => DateScalar)
  returnedOn!: Date;
}

export function checkRegisterDepartureInput(input: RegisterDepartureInput, now = new Date()): void {
  checkNotInFuture('departedOn', input.departedOn, now);
  if (input.country === 'KG')
    throw badUserInput('country', input.country, 'must be a country other than KG');
  if (input.city !== undefined && input.city !== null && !/^\S.{0,99}$/u.test(input.city)) {
    throw badUserInput('city', input.city, 'must be 1-100 characters');
  }
}
