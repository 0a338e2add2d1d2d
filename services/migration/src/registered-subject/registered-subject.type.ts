import { Field, ObjectType } from 'type-graphql';
import { CountryCodeScalar, DateScalar, PinScalar } from '@jol/kernel';

/**
 * What Jol's own services learn about a PIN before a write they check for a caller who may not
 * read persons: that it names a registered person, their birth date, and the countries of their
 * recorded stays abroad (a partner institution opens a case only for a person tied to its
 * country). Nothing else.
 */
@ObjectType({
  description:
    "A registered person as the write checks of Jol's own services see them: the PIN, birth date and countries of stays abroad only. Readable by the service identity alone.",
})
export class RegisteredSubject {
  @Field(() => PinScalar)
  pin!: string;

  @Field(() => DateScalar, { nullable: true })
  birthDate?: Date | null;

  @Field(() => [CountryCodeScalar], {
    description:
      'The countries of the stays abroad recorded for the person, each once, in alphabetical order.',
  })
  stayCountries?: string[];
}
