import 'reflect-metadata';
import { Directive, Field, ObjectType } from 'type-graphql';
import { PinScalar } from '../scalars/pin';

@Directive('@shareable')
@ObjectType({ description: "One request that read or wrote a person's data in one agency." })
export class AccessEvent {
  @Field(() => String, { description: 'When, as an ISO 8601 timestamp (UTC).' })
  at!: string;

  @Field(() => String, { description: 'The agency whose data was read or written.' })
  service!: string;

  @Field(() => String, { nullable: true, description: "The reader's agency." })
  agency!: string | null;

  @Field(() => [String])
  roles!: string[];

  @Field(() => String, { nullable: true })
  purpose!: string | null;

  @Field(() => String)
  operation!: string;

  @Field(() => [String], { description: 'Schema coordinates read or written.' })
  fields!: string[];

  @Field(() => String, { description: 'ALLOWED or DENIED.' })
  outcome!: string;

  @Field(() => String)
  requestId!: string;
}

/**
 * A person's access log, gathered from every agency: each subgraph resolves the list of its own
 * events, so one query shows who read the person anywhere in the graph.
 */
@Directive('@key(fields: "pin")')
@ObjectType()
export class PersonAccessLog {
  @Field(() => PinScalar)
  pin!: string;
}
