import { Field, ID, ObjectType } from 'type-graphql';
import { PinScalar } from '@jol/kernel';

@ObjectType({
  description:
    'An exchange case: one person, one partner institution, one agreement. Its documents, the Kyrgyz periods the agreement covers and the decisions hang off it.',
})
export class PensionExchangeCase {
  @Field(() => ID)
  caseId!: string;

  @Field(() => PinScalar)
  pin!: string;

  @Field(() => String, {
    description: "The person's identifier at the partner (SNILS, IIN, TCKN), digits only.",
  })
  foreignId!: string;

  @Field(() => String, { description: 'When the case was opened, ISO 8601 (UTC).' })
  openedAt!: string;

  /** The partner's code; the `partner` field resolves it from the registry. */
  partnerCode!: string;

  /** The agreement's code; the `agreement` field resolves it from the registry. */
  agreementCode!: string;
}
