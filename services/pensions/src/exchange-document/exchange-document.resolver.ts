import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { checkDatesNotBeforeRegisteredBirth, forbidden, notFound } from '@jol/kernel';
import type { PensionsContext } from '../context';
import { PensionExchangeCase } from '../exchange-case/exchange-case.type';
import { caseAgreementOf, isDecisionCovered } from '../partner/partner.coverage';
import type { PensionPartnerRecord } from '../partner/partner.model';
import {
  AcknowledgePensionExchangeDocumentInput,
  checkSubmissionEnvelope,
  isValidOnItsOwn,
  InvalidatePensionExchangeDocumentInput,
  RemindPensionExchangeDocumentInput,
  SubmitPensionExchangePeriodsInput,
} from './exchange-document.inputs';
import {
  exchangePeriodOf,
  toExchangeDocument,
  type ExchangeDocumentRecord,
} from './exchange-document.model';
import { PensionExchangeDirection, PensionExchangeDocument } from './exchange-document.type';
import {
  acknowledgeDocument,
  invalidateDocument,
  remindDocument,
  submitPeriods,
} from './exchange-document.writer';

/** The caller's institution; the rules have already held the caller to it. */
async function callerPartner(
  ctx: PensionsContext,
  coordinate: string,
): Promise<PensionPartnerRecord> {
  const { partners } = await ctx.loaders.partnerRegistry.load();
  const partner = partners.get(ctx.caller?.partner ?? '');
  if (!partner) throw forbidden(coordinate);
  return partner;
}

/** A document the rules let through, read again (it exists, or the rules would have refused). */
async function loadDocument(
  ctx: PensionsContext,
  documentId: string,
): Promise<ExchangeDocumentRecord> {
  const record = await ctx.loaders.exchangeDocumentById.load(documentId);
  if (!record) throw notFound('PensionExchangeDocument', 'documentId', documentId);
  return record;
}

@Resolver(() => PensionExchangeDocument)
export class PensionExchangeDocumentResolver {
  @Mutation(() => PensionExchangeDocument, {
    description:
      'Sends insurance periods at your institution for the person of a case (P5000). It is ACKNOWLEDGED and the periods stored, or REJECTED with every reason and nothing stored. Idempotent by idempotencyKey.',
  })
  async submitPensionExchangePeriods(
    @Arg('input', () => SubmitPensionExchangePeriodsInput) input: SubmitPensionExchangePeriodsInput,
    @Ctx() ctx: PensionsContext,
  ): Promise<PensionExchangeDocument> {
    const partner = await callerPartner(ctx, 'Mutation.submitPensionExchangePeriods');
    const exchangeCase = await ctx.loaders.exchangeCaseById.load(input.caseId);
    if (!exchangeCase) throw notFound('PensionExchangeCase', 'caseId', input.caseId);
    const foreignId = checkSubmissionEnvelope(input, exchangeCase, partner);
    const periods = input.periods.map(exchangePeriodOf);
    // Nothing is stored for a person before their birth: the register says when that was. The
    // partner may not read it, so a document with an invalid period is rejected for that alone,
    // whatever the register says, and probing the date costs a valid document each time.
    const dated = isValidOnItsOwn(periods, partner.country) ? input.periods : [];
    await checkDatesNotBeforeRegisteredBirth(
      ctx,
      exchangeCase.pin,
      Object.fromEntries(
        dated.flatMap((p, i) => [
          [`periods[${i}].from`, p.from],
          [`periods[${i}].to`, p.to],
        ]),
      ),
    );
    const record = await submitPeriods(ctx.models, {
      exchangeCase,
      partner,
      foreignId,
      idempotencyKey: input.idempotencyKey,
      periods,
    });
    return toExchangeDocument(record);
  }

  @Mutation(() => PensionExchangeDocument, {
    description:
      'Withdraws a document your institution sent (version 2, INVALIDATED); the periods it brought are removed. Invalidating again changes nothing.',
  })
  async invalidatePensionExchangeDocument(
    @Arg('input', () => InvalidatePensionExchangeDocumentInput)
    input: InvalidatePensionExchangeDocumentInput,
    @Ctx() ctx: PensionsContext,
  ): Promise<PensionExchangeDocument> {
    const record = await loadDocument(ctx, input.documentId);
    return toExchangeDocument(await invalidateDocument(ctx.models, record, input.reason));
  }

  @Mutation(() => PensionExchangeDocument, {
    description:
      'A reminder about a document your institution sent (by default its last one in the case): the acknowledgement or rejection is sent again, and a document left RECEIVED is settled first.',
  })
  async remindPensionExchangeDocument(
    @Arg('input', () => RemindPensionExchangeDocumentInput)
    input: RemindPensionExchangeDocumentInput,
    @Ctx() ctx: PensionsContext,
  ): Promise<PensionExchangeDocument> {
    const partner = await callerPartner(ctx, 'Mutation.remindPensionExchangeDocument');
    const documents = await ctx.loaders.exchangeDocumentsByCase.load(input.caseId);
    const sent = documents.filter(
      (d) =>
        d.direction === PensionExchangeDirection.INBOUND &&
        (input.documentId ? d._id.toHexString() === input.documentId : true),
    );
    const record = sent[0];
    if (!record) {
      throw input.documentId
        ? notFound('PensionExchangeDocument', 'documentId', input.documentId)
        : notFound('PensionExchangeDocument sent by you in case', 'caseId', input.caseId);
    }
    return toExchangeDocument(await remindDocument(ctx.models, record, partner));
  }

  @Mutation(() => PensionExchangeDocument, {
    description: 'Acknowledges a document the Social Fund sent to your institution (a decision).',
  })
  async acknowledgePensionExchangeDocument(
    @Arg('input', () => AcknowledgePensionExchangeDocumentInput)
    input: AcknowledgePensionExchangeDocumentInput,
    @Ctx() ctx: PensionsContext,
  ): Promise<PensionExchangeDocument> {
    const record = await loadDocument(ctx, input.documentId);
    return toExchangeDocument(await acknowledgeDocument(ctx.models, record));
  }
}

@Resolver(() => PensionExchangeCase)
export class PensionExchangeCaseDocumentsResolver {
  @FieldResolver(() => [PensionExchangeDocument], {
    description:
      "The documents of the case, both directions, newest first; a decision outside the case's agreement is left out, as from `decisions`.",
  })
  async documents(
    @Root() exchangeCase: PensionExchangeCase,
    @Ctx() ctx: PensionsContext,
  ): Promise<PensionExchangeDocument[]> {
    const [records, registry] = await Promise.all([
      ctx.loaders.exchangeDocumentsByCase.load(exchangeCase.caseId),
      ctx.loaders.partnerRegistry.load(),
    ]);
    const under = caseAgreementOf(registry, exchangeCase);
    return records
      .filter(
        (record) =>
          !record.decision ||
          (under !== null &&
            isDecisionCovered(under.agreement, under.relied, record.decision.effectiveOn)),
      )
      .map(toExchangeDocument);
  }
}
