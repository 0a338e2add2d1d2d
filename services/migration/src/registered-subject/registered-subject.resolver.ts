import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { CountryCodeScalar, PinScalar } from '@jol/kernel';
import { stayCountriesOf } from '../episode/episode.model';
import type { MigrationContext } from '../context';
import { RegisteredSubject } from './registered-subject.type';

@Resolver(() => RegisteredSubject)
export class RegisteredSubjectResolver {
  @Query(() => RegisteredSubject, {
    nullable: true,
    description:
      "Whether a PIN names a registered person (null when not), with the birth date a write's dates are checked against and the countries the person stayed in; for Jol's own services.",
  })
  async registeredSubject(
    @Arg('pin', () => PinScalar) pin: string,
    @Ctx() ctx: MigrationContext,
  ): Promise<RegisteredSubject | null> {
    const record = await ctx.loaders.personByPin.load(pin);
    return record ? { pin: record.pin, birthDate: record.birthDate ?? null } : null;
  }

  @FieldResolver(() => [CountryCodeScalar])
  async stayCountries(
    @Root() subject: RegisteredSubject,
    @Ctx() ctx: MigrationContext,
  ): Promise<string[]> {
    return stayCountriesOf(await ctx.loaders.episodesByPin.load(subject.pin));
  }
}
