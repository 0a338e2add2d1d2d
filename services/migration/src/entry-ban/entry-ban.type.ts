import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { CountryCodeScalar, DateScalar, PinScalar } from '@jol/kernel';

export enum EntryBanReason {
  OVERSTAY = 'OVERSTAY',
  ADMINISTRATIVE_OFFENCE = 'ADMINISTRATIVE_OFFENCE',
  CRIMINAL_CONVICTION = 'CRIMINAL_CONVICTION',
  SANITARY = 'SANITARY',
  OTHER = 'OTHER',
}
registerEnumType(EntryBanReason, { name: 'EntryBanReason' });

@ObjectType({ description: 'A re-entry ban imposed by a destination country.' })
export class EntryBan {
  @Field(() => ID)
  id!: string;

  @Field(() => PinScalar)
  pin!: string;

  @Field(() => CountryCodeScalar)
  country!: string;

  @Field(() => DateScalar)
  from!: Date;

  @Field(() => DateScalar, { nullable: true, description: 'Null for an open-ended ban.' })
  until!: Date | null;

  @Field(() => EntryBanReason)
  reason!: EntryBanReason;
}
