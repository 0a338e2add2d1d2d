import { Types } from 'mongoose';
import { Field, ID, InputType } from 'type-graphql';
import {
  badUserInput,
  isRecordId,
  checkNotInFuture,
  conflict,
  DateScalar,
  formatIsoDate,
  PinScalar,
} from '@jol/kernel';
import { checkNotBefore } from '../dates';
import { isActiveTbCase, type TbCaseRecord } from './tb-case.model';
import { TbOutcome, TbTreatmentStatus } from './tb-case.type';

@InputType()
export class RecordTbCaseInput {
  @Field(() => PinScalar)
  pin!: string;

  @Field(() => DateScalar)
  diagnosedOn!: Date;

  @Field(() => Boolean)
  drugResistant!: boolean;

  @Field(() => TbTreatmentStatus, {
    defaultValue: TbTreatmentStatus.NOT_STARTED,
    description: 'Any status but COMPLETED, which only an outcome sets.',
  })
  treatmentStatus!: TbTreatmentStatus;
}

@InputType()
export class RecordTbOutcomeInput {
  @Field(() => ID)
  id!: string;

  @Field(() => TbOutcome)
  outcome!: TbOutcome;

  @Field(() => DateScalar, { description: 'When the outcome was assigned.' })
  on!: Date;
}

@InputType()
export class UpdateTbTreatmentStatusInput {
  @Field(() => ID)
  id!: string;

  @Field(() => TbTreatmentStatus, {
    description: 'Any status but COMPLETED, which only an outcome sets.',
  })
  status!: TbTreatmentStatus;
}

/** Parses a TbCase id as the API hands it out (24 hexadecimal digits). */
export function parseTbCaseId(value: unknown, field = 'id'): Types.ObjectId {
  if (!isRecordId(value)) {
    throw badUserInput(field, value, 'must be a TbCase id of 24 hexadecimal digits');
  }
  return new Types.ObjectId(value);
}

/** An active case may be in any treatment status but COMPLETED: completion comes with an outcome. */
export function checkActiveTreatmentStatus(field: string, status: TbTreatmentStatus): void {
  if (status === TbTreatmentStatus.COMPLETED) {
    throw badUserInput(
      field,
      status,
      'must not be COMPLETED on an active case; record the outcome instead',
    );
  }
}

export function checkRecordTbCaseInput(input: RecordTbCaseInput, now = new Date()): void {
  checkNotInFuture('diagnosedOn', input.diagnosedOn, now);
  checkActiveTreatmentStatus('treatmentStatus', input.treatmentStatus);
}

/** Checks what an outcome input must satisfy on its own and returns the case id. */
export function checkRecordTbOutcomeInput(
  input: RecordTbOutcomeInput,
  now = new Date(),
): Types.ObjectId {
  const id = parseTbCaseId(input.id);
  checkNotInFuture('on', input.on, now);
  return id;
}

/** Outcomes that say the course ran to its end; every other outcome ended it early. */
const COMPLETING_OUTCOMES: ReadonlySet<TbOutcome> = new Set([
  TbOutcome.CURED,
  TbOutcome.TREATMENT_COMPLETED,
]);

/** Outcomes that can only follow a treatment that was started. */
const TREATED_OUTCOMES: ReadonlySet<TbOutcome> = new Set([
  TbOutcome.CURED,
  TbOutcome.TREATMENT_COMPLETED,
  TbOutcome.TREATMENT_FAILED,
]);

/** The treatment status a case is closed with: COMPLETED for a finished course, else INTERRUPTED. */
export function treatmentStatusForOutcome(outcome: TbOutcome): TbTreatmentStatus {
  return COMPLETING_OUTCOMES.has(outcome)
    ? TbTreatmentStatus.COMPLETED
    : TbTreatmentStatus.INTERRUPTED;
}

/**
 * Checks that `outcome` on `on` may close the stored case: the case is still active, a treated
 * outcome follows a started treatment, and the outcome date is not before the diagnosis.
 */
export function checkTbOutcomeTransition(
  record: Pick<TbCaseRecord, '_id' | 'outcome' | 'outcomeOn' | 'treatmentStatus' | 'diagnosedOn'>,
  outcome: TbOutcome,
  on: Date,
): void {
  const id = record._id.toHexString();
  if (!isActiveTbCase(record)) {
    const when = record.outcomeOn ? ` on ${formatIsoDate(record.outcomeOn)}` : '';
    throw conflict(
      `TbCase ${id} is already closed with outcome ${record.outcome}${when}; outcomes are final`,
      'id',
    );
  }
  if (TREATED_OUTCOMES.has(outcome) && record.treatmentStatus === TbTreatmentStatus.NOT_STARTED) {
    throw conflict(
      `TbCase ${id} cannot have outcome ${outcome}: its treatment has not started`,
      'outcome',
    );
  }
  checkNotBefore('on', on, 'diagnosedOn', record.diagnosedOn);
}
