import { Types } from 'mongoose';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { badUserInput, notFound, recordChangeEvent } from '@jol/kernel';
import type { PensionsContext } from '../context';
import { PensionExchangeCase } from '../exchange-case/exchange-case.type';
import {
  PensionExchangeDirection,
  PensionExchangeDocument,
  PensionExchangeDocumentStatus,
  PensionExchangeDocumentType,
} from '../exchange-document/exchange-document.type';
import { caseAgreementOf, decisionsCoveredBy } from '../partner/partner.coverage';
import { checkRecordDecisionInput, RecordPensionDecisionInput } from './decision.inputs';
import { decisionOf, toPensionDecision } from './decision.mapper';
import { PensionDecision } from './decision.type';

@Resolver(() => PensionDecision)
export class PensionDecisionResolver {
  @Mutation(() => PensionDecision, {
    description:
      "Records a pension decision of the Social Fund and sends it to the case's partner (P6000, RECEIVED until the partner acknowledges it).",
  })
  async recordPensionDecision(
    @Arg('input', () => RecordPensionDecisionInput) input: RecordPensionDecisionInput,
    @Ctx() ctx: PensionsContext,
  ): Promise<PensionDecision> {
    const exchangeCase = await ctx.loaders.exchangeCaseById.load(input.caseId);
    if (!exchangeCase) throw notFound('PensionExchangeCase', 'caseId', input.caseId);
    const under = caseAgreementOf(await ctx.loaders.partnerRegistry.load(), {
      partnerCode: exchangeCase.partner,
      agreementCode: exchangeCase.agreement,
    });
    if (!under) {
      throw badUserInput(
        'caseId',
        input.caseId,
        `must be a case under an agreement its partner relies on (${exchangeCase.partner} does not rely on ${exchangeCase.agreement})`,
      );
    }
    const decision = checkRecordDecisionInput(input, under.agreement, under.relied);
    const id = new Types.ObjectId();
    const created = await ctx.models.connection.transaction(async (session) => {
      const [document] = await ctx.models.ExchangeDocument.create(
        [
          {
            _id: id,
            caseId: exchangeCase._id,
            pin: exchangeCase.pin,
            partner: exchangeCase.partner,
            type: PensionExchangeDocumentType.P6000,
            direction: PensionExchangeDirection.OUTBOUND,
            version: 1,
            status: PensionExchangeDocumentStatus.RECEIVED,
            idempotencyKey: `kg.${id.toHexString()}`,
            decision,
          },
        ],
        { session },
      );
      // The partner's inbox and the Social Fund's subscribers learn of it from this event.
      await recordChangeEvent(ctx.models, session, {
        type: 'PENSION_DECISION_RECORDED',
        recordId: id.toHexString(),
        pin: exchangeCase.pin,
        partner: exchangeCase.partner,
      });
      return document!;
    });
    return decisionOf(created.toObject())!;
  }
}

@Resolver(() => PensionExchangeCase)
export class PensionExchangeCaseDecisionsResolver {
  @FieldResolver(() => [PensionDecision], {
    description:
      "The Social Fund's decisions in the case that its agreement covers, newest first; invalidated ones are left out.",
  })
  async decisions(
    @Root() exchangeCase: PensionExchangeCase,
    @Ctx() ctx: PensionsContext,
  ): Promise<PensionDecision[]> {
    const under = caseAgreementOf(await ctx.loaders.partnerRegistry.load(), exchangeCase);
    if (!under) return [];
    const decisions = (await ctx.loaders.exchangeDocumentsByCase.load(exchangeCase.caseId))
      .filter((d) => d.status !== PensionExchangeDocumentStatus.INVALIDATED)
      .flatMap((d) => decisionOf(d) ?? []);
    return decisionsCoveredBy(under.agreement, under.relied, decisions);
  }
}

@Resolver(() => PensionExchangeDocument)
export class PensionExchangeDocumentDecisionResolver {
  @FieldResolver(() => PensionDecision, {
    nullable: true,
    description: 'The decision a P6000 carries; null for other documents.',
  })
  decision(@Root() document: PensionExchangeDocument): PensionDecision | null {
    return document.decisionRecord ? toPensionDecision(document, document.decisionRecord) : null;
  }
}
