import { Field, ObjectType } from 'type-graphql';
import { DateScalar, PinScalar } from '@jol/schema';

/**
 * What Jol's own services learn about a PIN before a write they check for a caller who may not
 * read persons: that it names a registered person, and their birth date. Nothing else.
 */
@ObjectType({
  description:
    "A registered person as the write checks of Jol's own services see them: the PIN and birth date only. Readable by the service identity alone.",
})
export class RegisteredSubject {
  @Field(() => PinScalar)
  pin!: string;

  @Field(() => DateScalar, { nullable: true })
  birthDate?: Date | null;
}
