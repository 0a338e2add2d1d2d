import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, PinScalar } from '@jol/kernel';

export enum SkillLevel {
  BASIC = 'BASIC',
  INTERMEDIATE = 'INTERMEDIATE',
  ADVANCED = 'ADVANCED',
  EXPERT = 'EXPERT',
}
registerEnumType(SkillLevel, { name: 'SkillLevel' });

@ObjectType({ description: 'A skill a person holds, certified or self-declared.' })
export class Skill {
  @Field(() => ID)
  id!: string;

  @Field(() => PinScalar)
  pin!: string;

  @Field(() => String, { description: 'Unique per person.' })
  name!: string;

  @Field(() => SkillLevel)
  level!: SkillLevel;

  @Field(() => String, {
    nullable: true,
    description: 'Who certified the skill; null when self-declared.',
  })
  certifiedBy!: string | null;

  @Field(() => DateScalar, { nullable: true })
  certifiedOn!: Date | null;
}
