import { FieldResolver, Resolver, Root } from 'type-graphql';
import { createAccessLogResolver, PersonAccessLog } from '@jol/kernel';
import { Person } from '../person/person.type';

/** Migration owns `Person.accessLog`; every subgraph adds its own events to the log it returns. */
@Resolver(() => Person)
export class PersonAccessLogResolver {
  @FieldResolver(() => PersonAccessLog, {
    nullable: true,
    description: 'Who read or wrote this person, in every agency.',
  })
  accessLog(@Root() person: Person): PersonAccessLog {
    return { pin: person.pin };
  }
}

export const MigrationAccessLogResolver = createAccessLogResolver('migration');
