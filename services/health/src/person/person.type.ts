import { Directive, Field, ObjectType } from 'type-graphql';
import { PinScalar, RegionScalar } from '@jol/schema';

/**
 * The person as the Ministry of Health sees it: only the key. Identity belongs to the State
 * Migration Service; this subgraph contributes health fields to the same entity.
 */
@Directive('@key(fields: "pin")')
@ObjectType()
export class Person {
  @Field(() => PinScalar)
  pin!: string;

  /**
   * Owned by migration; every health field `@requires` it, so the gateway sends it in the
   * representation and the access rules can hold a region-scoped officer to the region.
   */
  @Directive('@external')
  @Field(() => RegionScalar, { nullable: true })
  homeRegion?: string | null;
}
