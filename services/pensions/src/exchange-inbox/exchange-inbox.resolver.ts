import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { badUserInput, partnerScopeOf, type ChangeEventRecord } from '@jol/kernel';
import type { PensionsContext } from '../context';
import type { ExchangeDocumentRecord } from '../exchange-document/exchange-document.model';
import { PensionExchangeInbox } from './exchange-inbox.type';

/** The event types a partner's inbox shows: what the Social Fund sent or settled for it. */
export const INBOX_EVENTS = ['PENSION_DECISION_RECORDED', 'EXCHANGE_DOCUMENT_RECEIVED'] as const;
const MAX_PAGE = 100;

@Resolver()
export class PensionExchangeInboxResolver {
  @Query(() => PensionExchangeInbox, {
    description:
      "Your institution's notices after `after` (0 for all), oldest first, at most `first`: a partner polls this instead of asking case by case. Notices are in commit order, so paging by the cursor never skips one.",
  })
  async pensionExchangeInbox(
    @Arg('after', () => Int, { defaultValue: 0 }) after: number,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Ctx() ctx: PensionsContext,
  ): Promise<PensionExchangeInbox> {
    if (!Number.isSafeInteger(after) || after < 0)
      throw badUserInput('after', after, 'must be 0 or a seq this inbox returned');
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE)
      throw badUserInput('first', first, `must be from 1 to ${MAX_PAGE}`);
    const partner = partnerScopeOf(ctx, 'pensionExchange') ?? '';
    const events = await ctx.models.ChangeEvent.find({
      partner,
      type: { $in: INBOX_EVENTS },
      seq: { $gt: after },
    })
      .sort({ seq: 1 })
      .limit(first + 1)
      .lean<ChangeEventRecord[]>();
    const page = events.slice(0, first);
    const documents = await ctx.models.ExchangeDocument.find(
      { _id: { $in: page.map((e) => e.recordId) }, partner },
      { caseId: 1 },
    ).lean<Pick<ExchangeDocumentRecord, '_id' | 'caseId'>[]>();
    const caseOf = new Map(documents.map((d) => [d._id.toHexString(), d.caseId.toHexString()]));
    return {
      notices: page.flatMap((e) => {
        const caseId = caseOf.get(e.recordId);
        return caseId
          ? [
              {
                seq: e.seq,
                type: e.type,
                caseId,
                documentId: e.recordId,
                occurredAt: e.occurredAt.toISOString(),
              },
            ]
          : [];
      }),
      cursor: page.at(-1)?.seq ?? after,
      hasMore: events.length > first,
    };
  }
}
