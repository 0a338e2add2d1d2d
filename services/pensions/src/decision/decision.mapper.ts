import { formatAmount } from '../contribution/contribution.amount';
import type { PensionCurrency } from '../contribution/contribution.type';
import type {
  DecisionRecord,
  ExchangeDocumentRecord,
} from '../exchange-document/exchange-document.model';
import type { PensionExchangeDocument } from '../exchange-document/exchange-document.type';
import type {
  PensionDecision,
  PensionDecisionBasis,
  PensionDecisionResult,
  PensionDecisionType,
  PensionPaymentFrequency,
} from './decision.type';

const amount = (hundredths: number | null) =>
  hundredths === null ? null : formatAmount(hundredths);

/** The one place a stored P6000 becomes an API decision. */
export function toPensionDecision(
  document: Pick<PensionExchangeDocument, 'documentId' | 'caseId' | 'status' | 'receivedAt'>,
  decision: DecisionRecord,
): PensionDecision {
  return {
    documentId: document.documentId,
    caseId: document.caseId,
    status: document.status,
    type: decision.type as PensionDecisionType,
    result: decision.result as PensionDecisionResult,
    effectiveOn: decision.effectiveOn,
    grossAmount: amount(decision.grossHundredths),
    netAmount: amount(decision.netHundredths),
    currency: decision.currency as PensionCurrency | null,
    frequency: decision.frequency as PensionPaymentFrequency | null,
    refusalReasons: [...decision.refusalReasons],
    basis: decision.basis as PensionDecisionBasis,
    decidedAt: document.receivedAt,
  };
}

/** A stored document's decision, or null for documents that carry none. */
export function decisionOf(record: ExchangeDocumentRecord): PensionDecision | null {
  return record.decision
    ? toPensionDecision(
        {
          documentId: record._id.toHexString(),
          caseId: record.caseId.toHexString(),
          status: record.status,
          receivedAt: record.createdAt.toISOString(),
        },
        record.decision,
      )
    : null;
}
