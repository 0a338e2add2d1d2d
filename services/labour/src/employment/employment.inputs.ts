import { Field, InputType } from 'type-graphql';
import {
  badUserInput,
  checkNotInFuture,
  CountryCodeScalar,
  DateScalar,
  PinScalar,
} from '@jol/kernel';
import { checkNotBefore, normaliseText } from '../checks';
import { LabourSector, WorkPermitType } from './employment.type';

@InputType()
export class RecordEmploymentInput {
  @Field(() => PinScalar)
  pin!: string;

  @Field(() => CountryCodeScalar, { description: 'The country worked in; not KG.' })
  country!: string;

  @Field(() => String, { description: "The employer's name, 1-200 characters." })
  employer!: string;

  @Field(() => LabourSector)
  sector!: LabourSector;

  @Field(() => Boolean, { description: 'True when the work is under a written contract.' })
  formal!: boolean;

  @Field(() => WorkPermitType)
  permitType!: WorkPermitType;

  @Field(() => String, {
    nullable: true,
    description: "Required unless permitType is NONE: 4-30 letters, digits, '-' or '/'.",
  })
  permitNumber?: string | null;

  @Field(() => DateScalar)
  from!: Date;

  @Field(() => DateScalar, { nullable: true, description: 'Omit while the job is ongoing.' })
  to?: Date | null;
}

/** What is stored for a valid input: the employer normalised, absent values as null. */
export interface EmploymentValues {
  pin: string;
  country: string;
  employer: string;
  sector: LabourSector;
  formal: boolean;
  permitType: WorkPermitType;
  permitNumber: string | null;
  from: Date;
  to: Date | null;
}

export const EMPLOYER_MAX_LENGTH = 200;
const PERMIT_NUMBER = /^[\p{L}\d/-]{4,30}$/u;

/** Everything a recorded job must satisfy on its own; the overlap check needs the store. */
export function checkRecordEmploymentInput(
  input: RecordEmploymentInput,
  now = new Date(),
): EmploymentValues {
  if (input.country === 'KG')
    throw badUserInput('country', input.country, 'must be a country other than KG');
  const employer = normaliseText('employer', input.employer, EMPLOYER_MAX_LENGTH);
  const permitNumber = input.permitNumber ?? null;
  if (input.permitType === WorkPermitType.NONE) {
    if (permitNumber !== null)
      throw badUserInput('permitNumber', permitNumber, 'must be absent when permitType is NONE');
  } else if (permitNumber === null) {
    throw badUserInput(
      'permitNumber',
      permitNumber,
      `is required when permitType is ${input.permitType}`,
    );
  } else if (!PERMIT_NUMBER.test(permitNumber)) {
    throw badUserInput('permitNumber', permitNumber, "must be 4-30 letters, digits, '-' or '/'");
  }
  checkNotInFuture('from', input.from, now);
  const to = input.to ?? null;
  if (to) {
    checkNotInFuture('to', to, now);
    checkNotBefore('to', to, 'from', input.from);
  }
  return {
    pin: input.pin,
    country: input.country,
    employer,
    sector: input.sector,
    formal: input.formal,
    permitType: input.permitType,
    permitNumber,
    from: input.from,
    to,
  };
}
