import { Directive, Field, ObjectType } from 'type-graphql';
import { allow } from './access/shield';
import { DateScalar } from './scalars/date';
import { PinScalar } from './scalars/pin';
import { RegionScalar } from './scalars/region';
import { Sex } from './scalars/sex';
import type { SubgraphEntity } from './subgraph-entity';

/** A Person as a subgraph that does not own identity holds it: the key and what it received. */
export interface PersonStub {
  pin: string;
  homeRegion?: string | null;
  /** A representation carries it as the YYYY-MM-DD string, never derived from the PIN. */
  birthDate?: Date | string | null;
  sex?: Sex | null;
}

/** The person register's fields a subgraph may `@require` besides `homeRegion` (always required). */
export type PersonStubExternal = 'birthDate' | 'sex';

export interface PersonStubEntity extends Required<
  Pick<SubgraphEntity, 'types' | 'referenceResolvers' | 'rules'>
> {
  /** The subgraph's `Person` class, for its resolvers' `@Resolver(() => Person)`. */
  type: new () => PersonStub;
}

/**
 * The person the agency keeping the person register owns, as another agency's subgraph sees it:
 * the key, and the owner's fields the gateway sends in the representation because the agency's fields
 * `@requires` them: always `homeRegion` (the access rules hold a region-scoped officer to the
 * person's region by it), and `externals` besides. The agency's own fields are added by its field
 * resolvers and are nullable, so that a field refused to a caller nulls only itself.
 *
 * Any PIN resolves without a read: the agency does not own identity, and its fields are read
 * through the per-request loaders when selected. The key is allowed, since it only repeats the
 * PIN the representation carried (and refusing it, non-null, would null the whole entity); the
 * external fields have no rule, so asking this subgraph for them is refused.
 *
 * Each call makes a class of its own, as type-graphql attaches field resolvers to the class.
 */
export function createPersonStub(externals: readonly PersonStubExternal[] = []): PersonStubEntity {
  @Directive('@key(fields: "pin")')
  @ObjectType('Person')
  class Person implements PersonStub {
    @Field(() => PinScalar)
    pin!: string;

    @Directive('@external')
    @Field(() => RegionScalar, { nullable: true })
    homeRegion?: string | null;

    birthDate?: Date | string | null;
    sex?: Sex | null;
  }
  if (externals.includes('birthDate')) {
    Field(() => DateScalar, { nullable: true })(Person.prototype, 'birthDate');
    Directive('@external')(Person.prototype, 'birthDate');
  }
  if (externals.includes('sex')) {
    Field(() => Sex, { nullable: true })(Person.prototype, 'sex');
    Directive('@external')(Person.prototype, 'sex');
  }
  const received = ['homeRegion', ...externals] as const;
  return {
    type: Person,
    types: [Person],
    referenceResolvers: {
      Person: {
        __resolveReference: (reference: PersonStub): PersonStub => ({
          pin: reference.pin,
          ...Object.fromEntries(received.map((field) => [field, reference[field]])),
        }),
      },
    },
    rules: [{ Person: { pin: allow } }],
  };
}
