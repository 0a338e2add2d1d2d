import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar, PinScalar } from '@jol/kernel';

export enum TbTreatmentStatus {
  NOT_STARTED = 'NOT_STARTED',
  IN_TREATMENT = 'IN_TREATMENT',
  COMPLETED = 'COMPLETED',
  INTERRUPTED = 'INTERRUPTED',
}
registerEnumType(TbTreatmentStatus, {
  name: 'TbTreatmentStatus',
  valuesConfig: {
    COMPLETED: {
      description:
        'The course ended as planned; set only by a CURED or TREATMENT_COMPLETED outcome.',
    },
    INTERRUPTED: { description: 'Treatment stopped before the course was completed.' },
  },
});

/** WHO treatment outcome categories (Definitions and reporting framework for tuberculosis). */
export enum TbOutcome {
  CURED = 'CURED',
  TREATMENT_COMPLETED = 'TREATMENT_COMPLETED',
  TREATMENT_FAILED = 'TREATMENT_FAILED',
  DIED = 'DIED',
  LOST_TO_FOLLOW_UP = 'LOST_TO_FOLLOW_UP',
  NOT_EVALUATED = 'NOT_EVALUATED',
}
registerEnumType(TbOutcome, {
  name: 'TbOutcome',
  description: 'WHO treatment outcome categories.',
  valuesConfig: {
    CURED: { description: 'Treatment completed with bacteriological evidence of cure.' },
    TREATMENT_COMPLETED: {
      description: 'Treatment completed without evidence of cure or failure.',
    },
    TREATMENT_FAILED: {
      description: 'Regimen terminated or permanently changed for lack of response.',
    },
    DIED: { description: 'Died before or during treatment, for any reason.' },
    LOST_TO_FOLLOW_UP: {
      description: 'Did not start treatment or interrupted it for two months or more.',
    },
    NOT_EVALUATED: {
      description: 'No outcome assigned, for instance after a transfer to another facility.',
    },
  },
});

@ObjectType({ description: 'A tuberculosis case: open (active) until an outcome is recorded.' })
export class TbCase {
  @Field(() => ID)
  id!: string;

  @Field(() => PinScalar)
  pin!: string;

  @Field(() => DateScalar)
  diagnosedOn!: Date;

  @Field(() => TbTreatmentStatus)
  treatmentStatus!: TbTreatmentStatus;

  @Field(() => TbOutcome, { nullable: true, description: 'Null while the case is active.' })
  outcome!: TbOutcome | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'When the outcome was assigned; null while active.',
  })
  outcomeOn!: Date | null;

  @Field(() => Boolean, { description: 'Drug-resistant TB (RR/MDR/XDR).' })
  drugResistant!: boolean;
}
