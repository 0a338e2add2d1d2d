import { Directive, Field, ObjectType } from 'type-graphql';
import { PinScalar, RegionScalar } from '@jol/schema';

/**
 * The person as the Social Fund knows it: only the key. Identity belongs to the State Migration
 * Service; this subgraph adds insurance periods, contributions and the service summary.
 */
@Directive('@key(fields: "pin")')
@ObjectType()
export class Person {
  @Field(() => PinScalar)
  pin!: string;

  /**
   * Owned by migration; the gateway sends it in the representation (every pensions field on
   * Person `@requires` it) so that the rules can hold a region-scoped officer to their region.
   */
  @Directive('@external')
  @Field(() => RegionScalar, { nullable: true })
  homeRegion?: string | null;
}
