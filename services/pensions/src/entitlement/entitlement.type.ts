import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CountryCodeScalar, DateScalar } from '@jol/kernel';
import { InsurancePeriodSource } from '../insurance-period/insurance-period.type';
import { ServiceLength } from '../service-summary/service-summary.type';

@ObjectType({ description: 'How one insurance period counts towards the old-age pension.' })
export class PensionEntitlementPeriod {
  @Field(() => ID)
  periodId!: string;

  @Field(() => CountryCodeScalar)
  country!: string;

  @Field(() => DateScalar)
  from!: Date;

  @Field(() => DateScalar)
  to!: Date;

  @Field(() => InsurancePeriodSource)
  source!: InsurancePeriodSource;

  @Field(() => Boolean)
  counted!: boolean;

  @Field(() => Int, { description: 'Calendar days of it that count.' })
  countedDays!: number;

  @Field(() => String, {
    nullable: true,
    description: 'The agreement it counts under, if foreign.',
  })
  agreement!: string | null;

  @Field(() => String, { description: 'Why it counts, in part or not at all.' })
  reason!: string;
}

@ObjectType({
  description:
    'The Kyrgyz old-age pension on general terms: the retirement age, the record for a full pension, and the record: Kyrgyz periods, and foreign ones summed under an agreement when the Kyrgyz record alone is not enough.',
})
export class PensionEntitlement {
  @Field(() => DateScalar)
  asOf!: Date;

  @Field(() => Int, { nullable: true, description: 'Null when the sex is not known.' })
  retirementAge!: number | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The day the retirement age is reached; null when the birth date or sex is not known.',
  })
  retirementAgeReachedOn!: Date | null;

  @Field(() => Boolean, { nullable: true })
  ageReached!: boolean | null;

  @Field(() => ServiceLength, {
    nullable: true,
    description: 'The record a full pension needs; null when the sex is not known.',
  })
  requiredRecord!: ServiceLength | null;

  @Field(() => ServiceLength, { description: 'Periods insured with the Social Fund.' })
  kyrgyzRecord!: ServiceLength;

  @Field(() => ServiceLength, { description: 'Foreign periods summed under an agreement.' })
  foreignRecord!: ServiceLength;

  @Field(() => ServiceLength)
  totalRecord!: ServiceLength;

  @Field(() => Boolean, { description: 'Whether foreign periods were summed.' })
  totalized!: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Whether the total reaches the record for a full pension (with less, the basic part is reduced in proportion).',
  })
  fullRecordReached!: boolean | null;

  @Field(() => [PensionEntitlementPeriod], {
    description: 'Every period, oldest first, and how it counts.',
  })
  periods!: PensionEntitlementPeriod[];

  @Field(() => String, { description: 'The law the ages and records come from.' })
  legalBasis!: string;
}
