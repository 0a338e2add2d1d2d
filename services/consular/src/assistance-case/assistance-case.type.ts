import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { CountryCodeScalar, DateScalar, PinScalar } from '@jol/kernel';
import { Consulate } from '../consulate/consulate';

/** What a citizen abroad needed the consulate for. */
export enum AssistanceType {
  LEGAL_AID = 'LEGAL_AID',
  DETENTION = 'DETENTION',
  HOSPITALISATION = 'HOSPITALISATION',
  DEATH_ABROAD = 'DEATH_ABROAD',
  REPATRIATION = 'REPATRIATION',
  LOST_DOCUMENTS = 'LOST_DOCUMENTS',
  LABOUR_EXPLOITATION = 'LABOUR_EXPLOITATION',
}
registerEnumType(AssistanceType, {
  name: 'AssistanceType',
  description: 'What a citizen abroad needed the consulate for.',
  valuesConfig: {
    LEGAL_AID: { description: 'A citizen accused or convicted of an offence abroad, or sued.' },
    DETENTION: { description: 'Arrest, detention or imprisonment abroad.' },
    HOSPITALISATION: { description: 'Admitted to hospital abroad.' },
    DEATH_ABROAD: { description: 'A citizen died abroad.' },
    REPATRIATION: { description: 'Return home of the citizen, or of their remains.' },
    LOST_DOCUMENTS: { description: 'Passport or other documents lost, stolen or expired.' },
    LABOUR_EXPLOITATION: { description: 'Unpaid wages, forced labour or trafficking.' },
  },
});

export enum AssistanceCaseStatus {
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  CLOSED = 'CLOSED',
}
registerEnumType(AssistanceCaseStatus, {
  name: 'AssistanceCaseStatus',
  valuesConfig: {
    CLOSED: { description: 'Set only by closeAssistanceCase, with the day it closed.' },
  },
});

@ObjectType({ description: 'A consular assistance case: a citizen in difficulty abroad.' })
export class AssistanceCase {
  @Field(() => ID)
  id!: string;

  @Field(() => PinScalar)
  pin!: string;

  @Field(() => AssistanceType)
  type!: AssistanceType;

  @Field(() => AssistanceCaseStatus)
  status!: AssistanceCaseStatus;

  @Field(() => CountryCodeScalar, { description: 'The country the handling consulate serves.' })
  country!: string;

  @Field(() => Consulate, { description: 'The consulate handling the case.' })
  consulate!: Consulate;

  @Field(() => DateScalar)
  openedOn!: Date;

  @Field(() => DateScalar, { nullable: true, description: 'Null until the case is CLOSED.' })
  closedOn!: Date | null;
}
