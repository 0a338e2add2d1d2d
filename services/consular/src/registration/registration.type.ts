import { Field, ID, ObjectType } from 'type-graphql';
import { CountryCodeScalar, DateScalar, PinScalar } from '@jol/kernel';
import { Consulate } from '../consulate/consulate';

@ObjectType({
  description:
    'A consular registration: the citizen told a consulate they live in its country, from a day until they leave (to).',
})
export class ConsularRegistration {
  @Field(() => ID)
  id!: string;

  @Field(() => PinScalar)
  pin!: string;

  @Field(() => CountryCodeScalar, { description: 'The country the consulate serves.' })
  country!: string;

  @Field(() => Consulate)
  consulate!: Consulate;

  @Field(() => String, { description: 'The city of the address the citizen gave.' })
  addressCity!: string;

  @Field(() => DateScalar)
  from!: Date;

  @Field(() => DateScalar, { nullable: true, description: 'Null while the registration holds.' })
  to!: Date | null;
}
