import { Directive, Field, ObjectType } from 'type-graphql';
import { PinScalar } from '@jol/schema';

/**
 * The person the State Migration Service owns, as the labour subgraph sees it: only the key. The
 * ministry's fields are added by field resolvers and are nullable, so that a field refused to a
 * caller nulls only itself.
 */
@Directive('@key(fields: "pin")')
@ObjectType()
export class Person {
  @Field(() => PinScalar)
  pin!: string;
}
