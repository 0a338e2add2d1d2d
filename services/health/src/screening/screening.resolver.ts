import { Arg, Ctx, Directive, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { checkDatesNotBeforeBirth } from '@jol/schema';
import type { HealthContext } from '../context';
import { Person } from '../person/person.type';
import { checkRecordScreeningInput, RecordScreeningInput } from './screening.inputs';
import { toHealthScreening } from './screening.model';
import { HealthScreening } from './screening.type';

@Resolver(() => Person)
export class PersonScreeningsResolver {
  @Directive('@requires(fields: "homeRegion")')
  @FieldResolver(() => [HealthScreening], {
    nullable: true,
    description: 'Health screenings, newest first.',
  })
  async screenings(@Root() person: Person, @Ctx() ctx: HealthContext): Promise<HealthScreening[]> {
    return (await ctx.loaders.screeningsByPin.load(person.pin)).map(toHealthScreening);
  }
}

@Resolver(() => HealthScreening)
export class HealthScreeningResolver {
  @Mutation(() => HealthScreening, { description: 'Records the result of one screening.' })
  async recordScreening(
    @Arg('input', () => RecordScreeningInput) input: RecordScreeningInput,
    @Ctx() ctx: HealthContext,
  ): Promise<HealthScreening> {
    const values = checkRecordScreeningInput(input);
    await checkDatesNotBeforeBirth(ctx, values.pin, { screenedOn: values.screenedOn });
    const screening = await ctx.models.HealthScreening.create(values);
    return toHealthScreening(screening.toObject());
  }
}
