import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { conflict, isDuplicateKeyError, notFound } from '@jol/kernel';
import type { MigrationContext } from '../context';
import { Person } from '../person/person.type';
import { toDependant, type ParentedDependant } from './dependant.model';
import { checkRecordDependantInput, RecordDependantInput } from './dependant.inputs';
import { Dependant } from './dependant.type';

@Resolver(() => Person)
export class PersonDependantsResolver {
  @FieldResolver(() => [Dependant], {
    nullable: true,
    description: 'Dependants left behind in the country.',
  })
  async dependants(
    @Root() person: Person,
    @Ctx() ctx: MigrationContext,
  ): Promise<ParentedDependant[]> {
    return (await ctx.loaders.dependantsByPin.load(person.pin)).map(toDependant);
  }
}

@Resolver(() => Dependant)
export class DependantResolver {
  @Mutation(() => Dependant)
  async recordDependant(
    @Arg('input', () => RecordDependantInput) input: RecordDependantInput,
    @Ctx() ctx: MigrationContext,
  ): Promise<ParentedDependant> {
    checkRecordDependantInput(input);
    if (!(await ctx.models.Person.exists({ pin: input.pin })))
      throw notFound('Person', 'pin', input.pin);
    try {
      const dependant = await ctx.models.Dependant.create({ ...input });
      return toDependant(dependant.toObject());
    } catch (error) {
      if (isDuplicateKeyError(error)) {
        throw conflict(
          `Dependant ${input.childPin} is already recorded for ${input.pin}`,
          'childPin',
        );
      }
      throw error;
    }
  }
}
