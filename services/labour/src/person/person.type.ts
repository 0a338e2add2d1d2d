import { Directive, Field, ObjectType } from 'type-graphql';
import { PinScalar, RegionScalar } from '@jol/schema';

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

  /**
   * Owned by migration; the gateway sends it in the representation (every labour field on Person
   * `@requires` it) so that a region-scoped officer's rules can check the person's region here.
   */
  @Directive('@external')
  @Field(() => RegionScalar, { nullable: true })
  homeRegion?: string | null;
}
