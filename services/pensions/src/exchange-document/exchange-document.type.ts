import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CountryCodeScalar, DateScalar, PinScalar } from '@jol/kernel';
import { InsurancePeriodType } from '../insurance-period/insurance-period.type';
import type { DecisionRecord } from './exchange-document.model';

/** The EESSI pension documents Jol exchanges. */
export enum PensionExchangeDocumentType {
  P5000 = 'P5000',
  P6000 = 'P6000',
}
registerEnumType(PensionExchangeDocumentType, {
  name: 'PensionExchangeDocumentType',
  description: 'Modelled on the EESSI pension documents.',
  valuesConfig: {
    P5000: { description: 'Insurance periods in one country.' },
    P6000: { description: 'A pension decision.' },
  },
});

export enum PensionExchangeDirection {
  INBOUND = 'INBOUND',
  OUTBOUND = 'OUTBOUND',
}
registerEnumType(PensionExchangeDirection, {
  name: 'PensionExchangeDirection',
  valuesConfig: {
    INBOUND: { description: 'Sent by the partner to the Social Fund.' },
    OUTBOUND: { description: 'Sent by the Social Fund to the partner.' },
  },
});

export enum PensionExchangeDocumentStatus {
  RECEIVED = 'RECEIVED',
  ACKNOWLEDGED = 'ACKNOWLEDGED',
  REJECTED = 'REJECTED',
  INVALIDATED = 'INVALIDATED',
}
registerEnumType(PensionExchangeDocumentStatus, {
  name: 'PensionExchangeDocumentStatus',
  valuesConfig: {
    RECEIVED: { description: 'Received, not yet acknowledged by its receiver.' },
    ACKNOWLEDGED: { description: 'Accepted by its receiver (inbound periods are stored).' },
    REJECTED: { description: 'Refused by its receiver, with reasons; nothing of it is stored.' },
    INVALIDATED: { description: 'Withdrawn by its sender; periods it brought are removed.' },
  },
});

@ObjectType({
  description:
    'An insurance period as exchanged (P5000): the insuring country, both days included, and the totals in years, months and days.',
})
export class PensionExchangePeriod {
  @Field(() => CountryCodeScalar, { description: 'The state the person was insured in.' })
  country!: string;

  @Field(() => DateScalar)
  from!: Date;

  @Field(() => DateScalar)
  to!: Date;

  @Field(() => InsurancePeriodType)
  type!: InsurancePeriodType;

  @Field(() => Int)
  years!: number;

  @Field(() => Int, { description: '0-11.' })
  months!: number;

  @Field(() => Int, { description: '0-30.' })
  days!: number;
}

@InputType({ description: 'One insurance period of a P5000 submission.' })
export class PensionExchangePeriodInput {
  @Field(() => CountryCodeScalar, { description: "Your institution's country." })
  country!: string;

  @Field(() => DateScalar, { description: 'First day.' })
  from!: Date;

  @Field(() => DateScalar, { description: 'Last day, not before from.' })
  to!: Date;

  @Field(() => InsurancePeriodType)
  type!: InsurancePeriodType;

  @Field(() => Int, { description: 'Total years, 0-99.' })
  years!: number;

  @Field(() => Int, { description: 'Total months, 0-11.' })
  months!: number;

  @Field(() => Int, { description: 'Total days, 0-30.' })
  days!: number;
}

@ObjectType({
  description:
    'One message of an exchange case: a document id, type, direction, version and status, as in EESSI.',
})
export class PensionExchangeDocument {
  @Field(() => ID)
  documentId!: string;

  @Field(() => ID)
  caseId!: string;

  @Field(() => PinScalar)
  pin!: string;

  @Field(() => PensionExchangeDocumentType)
  type!: PensionExchangeDocumentType;

  @Field(() => PensionExchangeDirection)
  direction!: PensionExchangeDirection;

  @Field(() => Int, { description: '1 as sent; its invalidation is version 2.' })
  version!: number;

  @Field(() => PensionExchangeDocumentStatus)
  status!: PensionExchangeDocumentStatus;

  @Field(() => [String], { description: 'Why it was rejected; empty unless REJECTED.' })
  rejectionReasons!: string[];

  @Field(() => String, {
    nullable: true,
    description: "The sender's idempotency key (inbound documents).",
  })
  idempotencyKey!: string | null;

  @Field(() => [PensionExchangePeriod], { description: 'The periods of a P5000; empty otherwise.' })
  periods!: PensionExchangePeriod[];

  @Field(() => String, { description: 'When it was received, ISO 8601 (UTC).' })
  receivedAt!: string;

  @Field(() => String, { nullable: true })
  acknowledgedAt!: string | null;

  @Field(() => String, { nullable: true })
  invalidatedAt!: string | null;

  @Field(() => String, { nullable: true })
  invalidationReason!: string | null;

  @Field(() => Int, { description: 'How many reminders the sender has sent about it.' })
  reminders!: number;

  /** The content of a P6000; the `decision` field resolves it. */
  decisionRecord?: DecisionRecord | null;
}
