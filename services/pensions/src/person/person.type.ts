import { Directive, Field, ObjectType } from 'type-graphql';
import { DateScalar, PinScalar, RegionScalar, Sex } from '@jol/schema';

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

  /**
   * Owned by migration; sent in the representation for `pensionEntitlement` (retirement age). A
   * representation carries it as the YYYY-MM-DD string, never derived from the PIN.
   */
  @Directive('@external')
  @Field(() => DateScalar, { nullable: true })
  birthDate?: Date | string | null;

  /** Owned by migration; sent in the representation for `pensionEntitlement` (age, full record). */
  @Directive('@external')
  @Field(() => Sex, { nullable: true })
  sex?: Sex | null;
}
