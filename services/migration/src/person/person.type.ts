import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, PinScalar, RegionScalar, Sex } from '@jol/kernel';

export enum MigrationStatus {
  ABROAD = 'ABROAD',
  RETURNED = 'RETURNED',
  NEVER_LEFT = 'NEVER_LEFT',
}
registerEnumType(MigrationStatus, { name: 'MigrationStatus' });

/** Self-assessed command of Russian; the brief reports 52% of migrants in Russia speak it well. */
export enum RussianProficiency {
  NONE = 'NONE',
  BASIC = 'BASIC',
  GOOD = 'GOOD',
  FLUENT = 'FLUENT',
}
registerEnumType(RussianProficiency, { name: 'RussianProficiency' });

@ObjectType({ description: 'A name as written in one script.' })
export class PersonName {
  @Field(() => String)
  last!: string;

  @Field(() => String)
  first!: string;

  @Field(() => String, { nullable: true })
  patronymic?: string | null;
}

/**
 * A person known to the State Migration Service. Other agencies contribute their own fields to
 * the same entity; everything but the key is nullable so that a field refused to a caller nulls
 * only itself.
 */
@Directive('@key(fields: "pin")')
@ObjectType()
export class Person {
  @Field(() => PinScalar)
  pin!: string;

  @Field(() => PersonName, { nullable: true, description: 'Name in Cyrillic script.' })
  nameCyrillic?: PersonName;

  @Field(() => PersonName, {
    nullable: true,
    description: 'Name in Latin script, as in the passport.',
  })
  nameLatin?: PersonName;

  @Field(() => DateScalar, { nullable: true })
  birthDate?: Date;

  @Field(() => Sex, { nullable: true })
  sex?: Sex;

  @Field(() => RegionScalar, { nullable: true })
  homeRegion?: string;

  @Field(() => RussianProficiency, { nullable: true })
  russianProficiency?: RussianProficiency;

  @Field(() => MigrationStatus, { nullable: true })
  status?: MigrationStatus;
}

/**
 * A person a search found: identity fields only, to tell the person apart and take the PIN on to
 * `person(pin)`, which decides every further read. Not the Person entity, so no agency's fields
 * hang off it.
 */
@ObjectType()
export class PersonMatch {
  @Field(() => PinScalar)
  pin!: string;

  @Field(() => PersonName, { description: 'Name in Cyrillic script.' })
  nameCyrillic!: PersonName;

  @Field(() => PersonName, { description: 'Name in Latin script, as in the passport.' })
  nameLatin!: PersonName;

  @Field(() => DateScalar)
  birthDate!: Date;

  @Field(() => Sex)
  sex!: Sex;

  @Field(() => RegionScalar)
  homeRegion!: string;
}
