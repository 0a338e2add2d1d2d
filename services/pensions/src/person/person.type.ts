import { Directive, Field, ObjectType } from 'type-graphql';
import { PinScalar } from '@jol/schema';

/**
 * The person as the Social Fund knows it: only the key. Identity belongs to the State Migration
 * Service; this subgraph adds insurance periods, contributions and the service summary.
 */
@Directive('@key(fields: "pin")')
@ObjectType()
export class Person {
  @Field(() => PinScalar)
  pin!: string;
}
