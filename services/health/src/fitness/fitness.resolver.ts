import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { HealthContext } from '../context';
import { Person } from '../person/person.type';
import { fitnessForWorkAbroadOn } from './fitness.status';
import { FitnessForWorkAbroad } from './fitness.type';

@Resolver(() => Person)
export class PersonFitnessResolver {
  @Directive('@requires(fields: "homeRegion")')
  @FieldResolver(() => FitnessForWorkAbroad, {
    nullable: true,
    description:
      'Health-certificate status for work abroad, derived from screenings and TB cases. Outside health ' +
      "roles it needs the person's consent for the caller's agency and purpose (CONSENT_REQUIRED otherwise).",
  })
  async fitForWorkAbroad(
    @Root() person: Person,
    @Ctx() ctx: HealthContext,
  ): Promise<FitnessForWorkAbroad> {
    const [screenings, tbCases] = await Promise.all([
      ctx.loaders.screeningsByPin.load(person.pin),
      ctx.loaders.tbCasesByPin.load(person.pin),
    ]);
    return fitnessForWorkAbroadOn(screenings, tbCases);
  }
}
