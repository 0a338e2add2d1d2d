import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, PinScalar } from '@jol/kernel';

export enum HealthInsuranceStatus {
  INSURED = 'INSURED',
  NOT_INSURED = 'NOT_INSURED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(HealthInsuranceStatus, {
  name: 'HealthInsuranceStatus',
  valuesConfig: {
    EXPIRED: {
      description: 'Recorded as INSURED, but validUntil is before today; derived, never stored.',
    },
  },
});

export enum HealthInsuranceScheme {
  MANDATORY = 'MANDATORY',
  VOLUNTARY = 'VOLUNTARY',
  MIGRANT_POLICY = 'MIGRANT_POLICY',
}
registerEnumType(HealthInsuranceScheme, {
  name: 'HealthInsuranceScheme',
  valuesConfig: {
    MANDATORY: { description: 'Mandatory health insurance fund.' },
    VOLUNTARY: { description: 'Voluntary health insurance.' },
    MIGRANT_POLICY: { description: 'A policy bought for or by a labour migrant.' },
  },
});

@ObjectType({ description: "A person's health insurance, as of today." })
export class HealthInsurance {
  @Field(() => PinScalar)
  pin!: string;

  @Field(() => HealthInsuranceStatus)
  status!: HealthInsuranceStatus;

  @Field(() => HealthInsuranceScheme)
  scheme!: HealthInsuranceScheme;

  @Field(() => DateScalar)
  validFrom!: Date;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day of cover; null for open-ended cover.',
  })
  validUntil!: Date | null;
}
