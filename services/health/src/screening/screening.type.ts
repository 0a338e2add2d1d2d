import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, PinScalar, VersionedRecord } from '@jol/kernel';

export enum ScreeningKind {
  TB = 'TB',
  HIV = 'HIV',
  GENERAL = 'GENERAL',
}
registerEnumType(ScreeningKind, {
  name: 'ScreeningKind',
  valuesConfig: {
    TB: { description: 'Tuberculosis.' },
    HIV: { description: 'Human immunodeficiency virus.' },
    GENERAL: { description: 'General medical examination.' },
  },
});

export enum ScreeningResult {
  NEGATIVE = 'NEGATIVE',
  POSITIVE = 'POSITIVE',
  INCONCLUSIVE = 'INCONCLUSIVE',
}
registerEnumType(ScreeningResult, { name: 'ScreeningResult' });

@ObjectType({ description: 'One screening of a person at a medical facility.' })
export class HealthScreening extends VersionedRecord {
  @Field(() => ID)
  id!: string;

  @Field(() => PinScalar)
  pin!: string;

  @Field(() => ScreeningKind)
  kind!: ScreeningKind;

  @Field(() => ScreeningResult)
  result!: ScreeningResult;

  @Field(() => DateScalar)
  screenedOn!: Date;

  @Field(() => String, { description: 'Name of the medical facility that screened the person.' })
  facility!: string;
}
