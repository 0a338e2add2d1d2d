import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ChangeEventTypeEnum } from '@jol/kernel';

@ObjectType({
  description:
    'A change in one of your exchange cases: a decision sent to you, or a document of yours settled.',
})
export class PensionExchangeNotice {
  @Field(() => Int, { description: 'Position in the inbox; pass the last one seen as `after`.' })
  seq!: number;

  @Field(() => ChangeEventTypeEnum, {
    description:
      'PENSION_DECISION_RECORDED or EXCHANGE_DOCUMENT_RECEIVED (acknowledged or rejected).',
  })
  type!: string;

  @Field(() => ID)
  caseId!: string;

  @Field(() => ID)
  documentId!: string;

  @Field(() => String, { description: 'ISO 8601 timestamp (UTC).' })
  occurredAt!: string;
}

@ObjectType({ description: 'Your new notices since a cursor, oldest first.' })
export class PensionExchangeInbox {
  @Field(() => [PensionExchangeNotice])
  notices!: PensionExchangeNotice[];

  @Field(() => Int, {
    description: 'The `after` of the next call: the last seq returned, or the one given.',
  })
  cursor!: number;

  @Field(() => Boolean, { description: 'More notices wait beyond this page.' })
  hasMore!: boolean;
}
