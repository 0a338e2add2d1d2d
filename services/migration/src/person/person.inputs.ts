import { Field, InputType } from 'type-graphql';
import {
  AgeBand,
  badUserInput,
  checkNotInFuture,
  CountryCodeScalar,
  DateScalar,
  PinScalar,
  type RegionCode,
  RegionScalar,
  Sex,
} from '@jol/kernel';
import { MigrationStatus, RussianProficiency } from './person.type';

@InputType()
export class PersonNameInput {
  @Field(() => String)
  last!: string;

  @Field(() => String)
  first!: string;

  @Field(() => String, { nullable: true })
  patronymic?: string | null;
}

@InputType()
export class RegisterPersonInput {
  @Field(() => PinScalar)
  pin!: string;

  @Field(() => PersonNameInput)
  nameCyrillic!: PersonNameInput;

  @Field(() => PersonNameInput)
  nameLatin!: PersonNameInput;

  @Field(() => DateScalar)
  birthDate!: Date;

  @Field(() => Sex)
  sex!: Sex;

  @Field(() => RegionScalar)
  homeRegion!: RegionCode;

  @Field(() => RussianProficiency)
  russianProficiency!: RussianProficiency;
}

@InputType({ description: 'All given criteria must hold.' })
export class PersonFilter {
  @Field(() => RegionScalar, { nullable: true })
  region?: RegionCode;

  @Field(() => MigrationStatus, { nullable: true })
  status?: MigrationStatus;

  @Field(() => CountryCodeScalar, { nullable: true, description: 'Ever departed to this country.' })
  destination?: string;

  @Field(() => Sex, { nullable: true })
  sex?: Sex;

  @Field(() => AgeBand, { nullable: true, description: 'Age today.' })
  ageBand?: AgeBand;
}

const SCRIPTS = {
  cyrillic: /^[\p{Script=Cyrillic}][\p{Script=Cyrillic}' -]{0,99}$/u,
  latin: /^[A-Za-z][A-Za-z' -]{0,99}$/,
} as const;

/** Checks a name part by part against its script; an absent patronymic is allowed. */
export function checkName(
  field: string,
  name: PersonNameInput,
  script: keyof typeof SCRIPTS,
): void {
  for (const part of ['last', 'first', 'patronymic'] as const) {
    const value = name[part];
    if (part === 'patronymic' && (value === null || value === undefined)) continue;
    if (typeof value !== 'string' || !SCRIPTS[script].test(value.trim())) {
      throw badUserInput(
        `${field}.${part}`,
        value,
        `must be 1-100 ${script === 'cyrillic' ? 'Cyrillic' : 'Latin'} letters`,
      );
    }
  }
}

/** Everything a registration must satisfy beyond its scalar types. */
export function checkRegisterPersonInput(input: RegisterPersonInput, now = new Date()): void {
  checkName('nameCyrillic', input.nameCyrillic, 'cyrillic');
  checkName('nameLatin', input.nameLatin, 'latin');
  checkNotInFuture('birthDate', input.birthDate, now);
}
