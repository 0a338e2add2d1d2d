import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, PinScalar, VersionedRecord } from '@jol/kernel';

export enum ContributionKind {
  MANDATORY = 'MANDATORY',
  VOLUNTARY = 'VOLUNTARY',
}
registerEnumType(ContributionKind, { name: 'ContributionKind' });

/**
 * ISO 4217 currencies the Social Fund accepts contributions in: the som, the currencies of the main
 * destinations (Russia, Kazakhstan, Turkiye, South Korea) and USD and EUR.
 */
export enum PensionCurrency {
  KGS = 'KGS',
  RUB = 'RUB',
  KZT = 'KZT',
  USD = 'USD',
  EUR = 'EUR',
  TRY = 'TRY',
  KRW = 'KRW',
}
registerEnumType(PensionCurrency, {
  name: 'PensionCurrency',
  description: 'ISO 4217 currency code accepted by the Social Fund.',
});

@ObjectType({ description: 'A pension contribution paid to the Social Fund.' })
export class PensionContribution extends VersionedRecord {
  @Field(() => ID)
  id!: string;

  @Field(() => PinScalar)
  pin!: string;

  @Field(() => DateScalar, { description: 'The day the contribution was paid.' })
  paidOn!: Date;

  @Field(() => String, { description: 'The month the contribution covers, YYYY-MM.' })
  periodMonth!: string;

  @Field(() => String, {
    description: 'The amount as a decimal string with two places, such as "1250.00".',
  })
  amount!: string;

  @Field(() => PensionCurrency)
  currency!: PensionCurrency;

  @Field(() => ContributionKind)
  kind!: ContributionKind;
}
