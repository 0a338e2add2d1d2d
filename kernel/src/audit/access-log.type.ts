import 'reflect-metadata';
import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../pagination';
import { PinScalar } from '../scalars/pin';

export enum InstitutionKind {
  AGENCY = 'agency',
  PARTNER = 'partner',
}
registerEnumType(InstitutionKind, {
  name: 'InstitutionKind',
  description: 'An agency of the Republic, or a partner institution abroad.',
});

@Directive('@shareable')
@ObjectType({ description: 'The institution on whose behalf a request was made.' })
export class AccessInstitution {
  @Field(() => InstitutionKind)
  kind!: InstitutionKind;

  @Field(() => String, { description: "The agency, or the partner institution's registry code." })
  code!: string;

  @Field(() => String, {
    nullable: true,
    description: "A partner institution's name, from the registry of the agency it exchanges with.",
  })
  name!: string | null;
}

@Directive('@shareable')
@ObjectType({
  description:
    "One request that read or wrote a person's data in one agency. Fields named `caller...` are labels the caller chose, not names Jol gave.",
})
export class AccessEvent {
  @Field(() => String, { description: 'When, as an ISO 8601 timestamp (UTC).' })
  at!: string;

  @Field(() => String, { description: 'The agency whose data was read or written.' })
  service!: string;

  @Field(() => AccessInstitution, {
    nullable: true,
    description: 'Which institution read or wrote: the agency, or the partner institution.',
  })
  institution!: AccessInstitution | null;

  @Field(() => String, { nullable: true, description: "The reader's agency claim." })
  agency!: string | null;

  @Field(() => [String])
  roles!: string[];

  @Field(() => String, { nullable: true })
  purpose!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'query or mutation; webhook for a change event delivered to a subscribing system (its served field names the event).',
  })
  operationType!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The name the caller gave its operation (a label it chose, not checked by Jol).',
  })
  callerOperationName!: string | null;

  @Field(() => [String], {
    description: 'Schema coordinates asked for: served, refused or failed.',
  })
  fields!: string[];

  @Field(() => [String], {
    description: 'Schema coordinates whose data was handed out or written.',
  })
  served!: string[];

  @Field(() => [String], { description: 'Schema coordinates refused.' })
  refused!: string[];

  @Field(() => [String], {
    description: 'Writes that were allowed but failed validation and stored nothing.',
  })
  failed!: string[];

  @Field(() => Boolean, {
    description: 'A search for persons by name (searchPersons) listed this person in this request.',
  })
  foundBySearch!: boolean;

  @Field(() => String, {
    description:
      'ALLOWED (all served), PARTIAL (some served, some refused or failed), DENIED (all refused by the access rules, a write refused while it ran included) or FAILED (an allowed write failed validation and stored nothing).',
  })
  outcome!: string;

  @Field(() => String, { description: "Jol's id of the request, the same in every agency." })
  requestId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'The X-Request-Id the caller sent (a label it chose).',
  })
  callerRequestId!: string | null;
}

@Directive('@shareable')
@ObjectType({ description: 'A page of access events, newest first.' })
export class AccessEventPage {
  @Field(() => [AccessEvent])
  events!: AccessEvent[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;
}

/**
 * A person's access log, gathered from every agency: each subgraph resolves the pages of its own
 * events, so one query shows who read the person anywhere in the graph.
 */
@Directive('@key(fields: "pin")')
@ObjectType()
export class PersonAccessLog {
  @Field(() => PinScalar)
  pin!: string;
}
