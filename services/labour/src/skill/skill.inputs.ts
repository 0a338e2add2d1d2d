import { Field, InputType } from 'type-graphql';
import { checkNotInFuture, DateScalar, PinScalar } from '@jol/kernel';
import { normaliseText } from '../checks';
import { SkillLevel } from './skill.type';

@InputType()
export class RecordSkillInput {
  @Field(() => PinScalar)
  pin!: string;

  @Field(() => String, { description: '1-100 characters; a person holds each skill once.' })
  name!: string;

  @Field(() => SkillLevel)
  level!: SkillLevel;

  @Field(() => String, { nullable: true, description: 'The certifying body, 1-200 characters.' })
  certifiedBy?: string | null;

  @Field(() => DateScalar, { nullable: true })
  certifiedOn?: Date | null;
}

export interface SkillValues {
  pin: string;
  name: string;
  level: SkillLevel;
  certifiedBy: string | null;
  certifiedOn: Date | null;
}

export const SKILL_NAME_MAX_LENGTH = 100;
export const CERTIFIER_MAX_LENGTH = 200;

/** Everything a recorded skill must satisfy; returns the values to store, text normalised. */
export function checkRecordSkillInput(input: RecordSkillInput, now = new Date()): SkillValues {
  const name = normaliseText('name', input.name, SKILL_NAME_MAX_LENGTH);
  const certifiedBy =
    input.certifiedBy === undefined || input.certifiedBy === null
      ? null
      : normaliseText('certifiedBy', input.certifiedBy, CERTIFIER_MAX_LENGTH);
  const certifiedOn = input.certifiedOn ?? null;
  if (certifiedOn) checkNotInFuture('certifiedOn', certifiedOn, now);
  return { pin: input.pin, name, level: input.level, certifiedBy, certifiedOn };
}
