import { Arg, Ctx, Directive, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { conflict, describeValue, isDuplicateKeyError } from '@jol/kernel';
import type { LabourContext } from '../context';
import { Person } from '../person/person.type';
import { checkRecordSkillInput, RecordSkillInput } from './skill.inputs';
import { toSkill } from './skill.model';
import { Skill } from './skill.type';

@Resolver(() => Person)
export class PersonSkillsResolver {
  @Directive('@requires(fields: "homeRegion")')
  @FieldResolver(() => [Skill], { nullable: true, description: 'Skills, by name.' })
  async skills(@Root() person: Person, @Ctx() ctx: LabourContext): Promise<Skill[]> {
    return (await ctx.loaders.skillsByPin.load(person.pin)).map(toSkill);
  }
}

@Resolver(() => Skill)
export class SkillResolver {
  @Mutation(() => Skill, { description: 'Records a skill; a person holds each skill name once.' })
  async recordSkill(
    @Arg('input', () => RecordSkillInput) input: RecordSkillInput,
    @Ctx() ctx: LabourContext,
  ): Promise<Skill> {
    const values = checkRecordSkillInput(input);
    try {
      const created = await ctx.models.Skill.create(values);
      return toSkill(created.toObject());
    } catch (error) {
      if (isDuplicateKeyError(error)) {
        throw conflict(
          `Skill ${describeValue(values.name)} is already recorded for ${values.pin}`,
          'name',
        );
      }
      throw error;
    }
  }
}
