import { Field, Int, ObjectType } from 'type-graphql';
import { CountryCodeScalar } from '@jol/kernel';

@ObjectType({
  description:
    'A length of insurance service: the covered days, and the same split as years of 12 months and months of 30 days.',
})
export class ServiceLength {
  @Field(() => Int)
  years!: number;

  @Field(() => Int, { description: '0-11.' })
  months!: number;

  @Field(() => Int, { description: '0-29.' })
  days!: number;

  @Field(() => Int, { description: 'Calendar days covered, each counted once.' })
  totalDays!: number;
}

@ObjectType({ description: "A person's insurance service, computed from their insurance periods." })
export class InsuranceServiceSummary {
  @Field(() => ServiceLength, { description: 'Periods in the Kyrgyz Republic (country KG).' })
  home!: ServiceLength;

  @Field(() => ServiceLength, { description: 'Periods in all other countries.' })
  abroad!: ServiceLength;

  @Field(() => ServiceLength, { description: 'All periods.' })
  total!: ServiceLength;

  @Field(() => Int, { description: 'How many periods are in countries other than KG.' })
  periodsAbroad!: number;

  @Field(() => [CountryCodeScalar], {
    description: 'Every country with at least one period, KG included, in alphabetical order.',
  })
  countries!: string[];
}
