import { Field, ID, InputType } from 'type-graphql';
import { checkNotInFuture, DateScalar, PinScalar } from '@jol/kernel';
import { checkObjectId } from '../checks';
import { ReintegrationProgramme, ReintegrationStatus } from './reintegration.type';

@InputType()
export class EnrolInReintegrationInput {
  @Field(() => PinScalar)
  pin!: string;

  @Field(() => ReintegrationProgramme)
  programme!: ReintegrationProgramme;

  @Field(() => DateScalar)
  enrolledOn!: Date;
}

@InputType()
export class UpdateReintegrationStatusInput {
  @Field(() => ID, { description: 'The enrolment to update.' })
  id!: string;

  @Field(() => ReintegrationStatus, { description: 'COMPLETED or DROPPED_OUT.' })
  status!: ReintegrationStatus;

  @Field(() => DateScalar, { description: 'The day the enrolment ended; not before enrolledOn.' })
  on!: Date;
}

export function checkEnrolInReintegrationInput(
  input: EnrolInReintegrationInput,
  now = new Date(),
): void {
  checkNotInFuture('enrolledOn', input.enrolledOn, now);
}

/** The checks that need no store; returns the id normalised to lower-case hex. */
export function checkUpdateReintegrationStatusInput(
  input: UpdateReintegrationStatusInput,
  now = new Date(),
): string {
  const id = checkObjectId('id', input.id);
  checkNotInFuture('on', input.on, now);
  return id;
}

/** The only moves an enrolment makes: out of ENROLLED, into a final status. */
export function isReintegrationTransition(
  from: ReintegrationStatus,
  to: ReintegrationStatus,
): boolean {
  return from === ReintegrationStatus.ENROLLED && to !== ReintegrationStatus.ENROLLED;
}
