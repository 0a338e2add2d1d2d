import { Field, InputType } from 'type-graphql';
import { badUserInput, checkNotInFuture, DateScalar, PinScalar } from '@jol/kernel';
import { checkNotBefore } from '../dates';
import type { StoredHealthInsuranceStatus } from './insurance.status';
import { HealthInsuranceScheme, HealthInsuranceStatus } from './insurance.type';

@InputType()
export class SetHealthInsuranceInput {
  @Field(() => PinScalar)
  pin!: string;

  @Field(() => HealthInsuranceStatus, {
    description: 'INSURED or NOT_INSURED; EXPIRED is derived, never set.',
  })
  status!: HealthInsuranceStatus;

  @Field(() => HealthInsuranceScheme)
  scheme!: HealthInsuranceScheme;

  @Field(() => DateScalar, { description: 'When this status took effect; not in the future.' })
  validFrom!: Date;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day of cover, not before validFrom.',
  })
  validUntil?: Date | null;
}

/** Everything an insurance record must satisfy beyond its scalar types; returns the values to store. */
export function checkSetHealthInsuranceInput(input: SetHealthInsuranceInput, now = new Date()) {
  if (input.status === HealthInsuranceStatus.EXPIRED) {
    throw badUserInput(
      'status',
      input.status,
      'must be INSURED or NOT_INSURED; EXPIRED is derived from validUntil',
    );
  }
  checkNotInFuture('validFrom', input.validFrom, now);
  const validUntil = input.validUntil ?? null;
  if (validUntil) checkNotBefore('validUntil', validUntil, 'validFrom', input.validFrom);
  return {
    status: input.status as StoredHealthInsuranceStatus,
    scheme: input.scheme,
    validFrom: input.validFrom,
    validUntil,
  };
}
