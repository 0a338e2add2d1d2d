import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, PinScalar } from '@jol/kernel';

export enum ReintegrationProgramme {
  VOCATIONAL_TRAINING = 'VOCATIONAL_TRAINING',
  SMALL_BUSINESS_GRANT = 'SMALL_BUSINESS_GRANT',
  JOB_PLACEMENT = 'JOB_PLACEMENT',
  LANGUAGE_COURSE = 'LANGUAGE_COURSE',
  COUNSELLING = 'COUNSELLING',
}
registerEnumType(ReintegrationProgramme, {
  name: 'ReintegrationProgramme',
  description: 'Support the ministry offers to returned migrants.',
});

/** An enrolment starts ENROLLED and ends once, as COMPLETED or DROPPED_OUT. */
export enum ReintegrationStatus {
  ENROLLED = 'ENROLLED',
  COMPLETED = 'COMPLETED',
  DROPPED_OUT = 'DROPPED_OUT',
}
registerEnumType(ReintegrationStatus, {
  name: 'ReintegrationStatus',
  description: 'ENROLLED moves once, to COMPLETED or DROPPED_OUT; both are final.',
});

@ObjectType({ description: "A returnee's enrolment in a reintegration programme." })
export class ReintegrationEnrolment {
  @Field(() => ID)
  id!: string;

  @Field(() => PinScalar)
  pin!: string;

  @Field(() => ReintegrationProgramme)
  programme!: ReintegrationProgramme;

  @Field(() => ReintegrationStatus)
  status!: ReintegrationStatus;

  @Field(() => DateScalar)
  enrolledOn!: Date;

  @Field(() => DateScalar, { nullable: true, description: 'Set when the status is COMPLETED.' })
  completedOn!: Date | null;

  @Field(() => DateScalar, { nullable: true, description: 'Set when the status is DROPPED_OUT.' })
  droppedOutOn!: Date | null;
}
