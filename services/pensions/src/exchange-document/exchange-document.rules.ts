import { allow, submitRule, type AccessRules, type Subject } from '@jol/kernel';
import type { PensionsContext } from '../context';
import { activePartners, caseSubject } from '../exchange-case/exchange-case.rules';
import { PensionExchangeDirection } from './exchange-document.type';

/**
 * The person of a document and the institution that may act on it in `direction`: a partner
 * invalidates or reminds about what it sent (INBOUND), and acknowledges what it was sent
 * (OUTBOUND); any other document, or an unknown one, is no institution's.
 */
function documentSubject(direction: PensionExchangeDirection) {
  return async (
    args: { input: { documentId: string } },
    context: PensionsContext,
  ): Promise<Subject> => {
    const record = await context.loaders.exchangeDocumentById.load(args.input.documentId);
    if (!record) return { partners: [] };
    const owner = record.direction === direction ? [record.partner] : [];
    return { pin: record.pin, partners: await activePartners(owner, context) };
  };
}

type CaseArgs = { input: { caseId: string } };
const fromCase = (args: CaseArgs, context: PensionsContext) =>
  caseSubject(args.input.caseId, context);

export const exchangeDocumentRules: AccessRules = {
  Mutation: {
    submitPensionExchangePeriods: submitRule<CaseArgs>((args, context) =>
      fromCase(args, context as PensionsContext),
    ),
    remindPensionExchangeDocument: submitRule<CaseArgs>((args, context) =>
      fromCase(args, context as PensionsContext),
    ),
    invalidatePensionExchangeDocument: submitRule<{ input: { documentId: string } }>(
      (args, context) =>
        documentSubject(PensionExchangeDirection.INBOUND)(args, context as PensionsContext),
    ),
    acknowledgePensionExchangeDocument: submitRule<{ input: { documentId: string } }>(
      (args, context) =>
        documentSubject(PensionExchangeDirection.OUTBOUND)(args, context as PensionsContext),
    ),
  },
  PensionExchangeCase: { documents: allow },
  PensionExchangeDocument: allow,
};
