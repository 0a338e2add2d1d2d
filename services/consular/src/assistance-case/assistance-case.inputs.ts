import { Field, ID, InputType } from 'type-graphql';
import { badUserInput, conflict, DateScalar, formatIsoDate, PinScalar } from '@jol/kernel';
import { checkNotInFutureAt, Consulate } from '../consulate/consulate';
import type { AssistanceCaseRecord } from './assistance-case.model';
import { AssistanceCaseStatus, AssistanceType } from './assistance-case.type';

@InputType()
export class OpenAssistanceCaseInput {
  @Field(() => PinScalar)
  pin!: string;

  @Field(() => AssistanceType)
  type!: AssistanceType;

  @Field(() => Consulate, { description: 'The consulate handling the case.' })
  consulate!: Consulate;

  @Field(() => DateScalar)
  openedOn!: Date;
}

@InputType()
export class UpdateAssistanceCaseStatusInput {
  @Field(() => ID)
  id!: string;

  @Field(() => AssistanceCaseStatus, { description: 'OPEN or IN_PROGRESS; closing takes a day.' })
  status!: AssistanceCaseStatus;
}

@InputType()
export class CloseAssistanceCaseInput {
  @Field(() => ID)
  id!: string;

  @Field(() => DateScalar)
  closedOn!: Date;
}

export function checkOpenInput(input: OpenAssistanceCaseInput, now = new Date()): void {
  checkNotInFutureAt('openedOn', input.openedOn, input.consulate, now);
}

/** A case's status changes while it is open; CLOSED comes with its day (closeAssistanceCase). */
export function checkOpenStatus(status: AssistanceCaseStatus): void {
  if (status === AssistanceCaseStatus.CLOSED)
    throw badUserInput('status', status, 'must not be CLOSED; close the case with its day instead');
}

/** A case closes once, on or after the day it opened, and not after today at its post. */
export function checkCloseTransition(
  record: Pick<AssistanceCaseRecord, '_id' | 'status' | 'consulate' | 'openedOn' | 'closedOn'>,
  closedOn: Date,
  now = new Date(),
): void {
  checkNotInFutureAt('closedOn', closedOn, record.consulate, now);
  const id = record._id.toHexString();
  if (record.status === AssistanceCaseStatus.CLOSED) {
    const when = record.closedOn ? ` on ${formatIsoDate(record.closedOn)}` : '';
    throw conflict(`AssistanceCase ${id} is already closed${when}`, 'id');
  }
  if (closedOn < record.openedOn)
    throw badUserInput(
      'closedOn',
      formatIsoDate(closedOn),
      `must not be before openedOn (${formatIsoDate(record.openedOn)})`,
    );
}
