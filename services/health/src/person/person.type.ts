import { Directive, Field, ObjectType } from 'type-graphql';
import { PinScalar } from '@jol/schema';

/**
 * The person as the Ministry of Health sees it: only the key. Identity belongs to the State
 * Migration Service; this subgraph contributes health fields to the same entity.
 */
@Directive('@key(fields: "pin")')
@ObjectType()
export class Person {
  @Field(() => PinScalar)
  pin!: string;
}
