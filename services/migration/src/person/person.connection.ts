import { Field, ObjectType } from 'type-graphql';
import { PageInfo } from '@jol/kernel';
import { Person } from './person.type';

@ObjectType()
export class PersonEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Person)
  node!: Person;
}

@ObjectType({ description: 'A page of persons, ordered by PIN.' })
export class PersonConnection {
  @Field(() => [PersonEdge])
  edges!: PersonEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}
