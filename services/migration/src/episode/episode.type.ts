import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { CountryCodeScalar, DateScalar, PinScalar, VersionedRecord } from '@jol/kernel';

export enum MigrationPurpose {
  WORK = 'WORK',
  STUDY = 'STUDY',
  FAMILY = 'FAMILY',
  OTHER = 'OTHER',
}
registerEnumType(MigrationPurpose, { name: 'MigrationPurpose' });

@ObjectType({ description: 'One stay abroad: a departure and, once back, its return.' })
export class MigrationEpisode extends VersionedRecord {
  @Field(() => ID)
  id!: string;

  @Field(() => PinScalar)
  pin!: string;

  @Field(() => DateScalar)
  departedOn!: Date;

  @Field(() => CountryCodeScalar)
  country!: string;

  @Field(() => String, { nullable: true })
  city!: string | null;

  @Field(() => MigrationPurpose)
  purpose!: MigrationPurpose;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Null while the person is still abroad.',
  })
  returnedOn!: Date | null;
}
