import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { CountryCodeScalar, DateScalar, PinScalar, VersionedRecord } from '@jol/kernel';

/** The country code of periods insured in the Kyrgyz Republic; every other country is abroad. */
export const HOME_COUNTRY = 'KG';

/** What the person did during a period; the EESSI P5000 document classifies periods the same way. */
export enum InsurancePeriodType {
  EMPLOYMENT = 'EMPLOYMENT',
  SELF_EMPLOYMENT = 'SELF_EMPLOYMENT',
  VOLUNTARY = 'VOLUNTARY',
  CHILD_CARE = 'CHILD_CARE',
  MILITARY_SERVICE = 'MILITARY_SERVICE',
  OTHER = 'OTHER',
}
registerEnumType(InsurancePeriodType, { name: 'InsurancePeriodType' });

/** Who vouches for a period; the country must agree with it (see checkRecordInsurancePeriodInput). */
export enum InsurancePeriodSource {
  DOMESTIC = 'DOMESTIC',
  VOLUNTARY_FROM_ABROAD = 'VOLUNTARY_FROM_ABROAD',
  PARTNER_REPORTED = 'PARTNER_REPORTED',
}
registerEnumType(InsurancePeriodSource, {
  name: 'InsurancePeriodSource',
  description: 'Who vouches for a period.',
  valuesConfig: {
    DOMESTIC: { description: 'Insured in the Kyrgyz Republic (country KG).' },
    VOLUNTARY_FROM_ABROAD: {
      description: 'Voluntary contributions paid to the Social Fund while working abroad.',
    },
    PARTNER_REPORTED: {
      description: 'Reported by a partner pension institution (EAEU, Turkiye...).',
    },
  },
});

/**
 * Periods insured with the Social Fund: at home, or by voluntary contributions paid to it from
 * abroad. They make the Kyrgyz record; partner-reported periods are foreign.
 */
export function isKyrgyzInsurance(source: InsurancePeriodSource): boolean {
  return (
    source === InsurancePeriodSource.DOMESTIC ||
    source === InsurancePeriodSource.VOLUNTARY_FROM_ABROAD
  );
}

@ObjectType({
  description:
    'A period of pension insurance in one country, both days included. The periods of one person never overlap.',
})
export class InsurancePeriod extends VersionedRecord {
  @Field(() => ID)
  id!: string;

  @Field(() => PinScalar)
  pin!: string;

  @Field(() => CountryCodeScalar, { description: 'Where the person was insured; KG at home.' })
  country!: string;

  @Field(() => DateScalar, { description: 'First day of the period.' })
  from!: Date;

  @Field(() => DateScalar, { description: 'Last day of the period.' })
  to!: Date;

  @Field(() => InsurancePeriodType)
  type!: InsurancePeriodType;

  @Field(() => InsurancePeriodSource)
  source!: InsurancePeriodSource;
}
