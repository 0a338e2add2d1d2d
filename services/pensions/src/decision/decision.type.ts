import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '@jol/kernel';
import { PensionCurrency } from '../contribution/contribution.type';
import { PensionExchangeDocumentStatus } from '../exchange-document/exchange-document.type';

export enum PensionDecisionType {
  OLD_AGE = 'OLD_AGE',
  DISABILITY = 'DISABILITY',
  SURVIVOR = 'SURVIVOR',
}
registerEnumType(PensionDecisionType, { name: 'PensionDecisionType' });

export enum PensionDecisionResult {
  GRANTED = 'GRANTED',
  REFUSED = 'REFUSED',
}
registerEnumType(PensionDecisionResult, { name: 'PensionDecisionResult' });

export enum PensionPaymentFrequency {
  MONTHLY = 'MONTHLY',
  QUARTERLY = 'QUARTERLY',
  ANNUALLY = 'ANNUALLY',
  LUMP_SUM = 'LUMP_SUM',
}
registerEnumType(PensionPaymentFrequency, { name: 'PensionPaymentFrequency' });

/** What the entitlement rests on; the EESSI P6000 records the same. */
export enum PensionDecisionBasis {
  WORK = 'WORK',
  RESIDENCE = 'RESIDENCE',
}
registerEnumType(PensionDecisionBasis, {
  name: 'PensionDecisionBasis',
  description: 'Whether the entitlement rests on periods of work or of residence.',
});

@ObjectType({
  description: 'A pension decision of the Social Fund sent to a partner institution (P6000).',
})
export class PensionDecision {
  @Field(() => ID, { description: 'The P6000 document that carries it.' })
  documentId!: string;

  @Field(() => ID)
  caseId!: string;

  @Field(() => PensionExchangeDocumentStatus, { description: "The document's status." })
  status!: PensionExchangeDocumentStatus;

  @Field(() => PensionDecisionType)
  type!: PensionDecisionType;

  @Field(() => PensionDecisionResult)
  result!: PensionDecisionResult;

  @Field(() => DateScalar)
  effectiveOn!: Date;

  @Field(() => String, {
    nullable: true,
    description: 'Gross amount per payment, such as "8500.00".',
  })
  grossAmount!: string | null;

  @Field(() => String, { nullable: true, description: 'Net amount per payment.' })
  netAmount!: string | null;

  @Field(() => PensionCurrency, { nullable: true })
  currency!: PensionCurrency | null;

  @Field(() => PensionPaymentFrequency, { nullable: true })
  frequency!: PensionPaymentFrequency | null;

  @Field(() => [String], { description: 'Why it was refused; empty when granted.' })
  refusalReasons!: string[];

  @Field(() => PensionDecisionBasis)
  basis!: PensionDecisionBasis;

  @Field(() => String, { description: 'When it was recorded and sent, ISO 8601 (UTC).' })
  decidedAt!: string;
}
