import { Field, InputType } from 'type-graphql';
import {
  badUserInput,
  checkNotInFuture,
  CountryCodeScalar,
  DateScalar,
  formatIsoDate,
  PinScalar,
} from '@jol/kernel';
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

@InputType({ description: 'A whole stay abroad, as a correction states it.' })
export class MigrationEpisodeInput {
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

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Omit while the person is still abroad; not before departedOn.',
  })
  returnedOn?: Date | null;
}

/**
 * Everything a stay must satisfy on its own, as a departure and a return registered for it would:
 * the overlap with the person's other stays needs the store. Returns the values to store.
 */
export function checkMigrationEpisodeInput(input: MigrationEpisodeInput, now = new Date()) {
  checkRegisterDepartureInput(input, now);
  const returnedOn = input.returnedOn ?? null;
  if (returnedOn) {
    checkNotInFuture('returnedOn', returnedOn, now);
    if (returnedOn < input.departedOn) {
      throw badUserInput(
        'returnedOn',
        formatIsoDate(returnedOn),
        `must not be before the departure (${formatIsoDate(input.departedOn)})`,
      );
    }
  }
  return {
    pin: input.pin,
    departedOn: input.departedOn,
    country: input.country,
    city: input.city?.trim() ?? null,
    purpose: input.purpose,
    returnedOn,
  };
}
