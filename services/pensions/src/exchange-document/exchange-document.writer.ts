import type { ClientSession } from 'mongoose';
import { badUserInput, conflict, isDuplicateKeyError, recordChangeEvent } from '@jol/kernel';
import type { PensionsModels } from '../context';
import type { ExchangeCaseRecord } from '../exchange-case/exchange-case.model';
import type { InsurancePeriodRecord } from '../insurance-period/insurance-period.model';
import { InsurancePeriodSource } from '../insurance-period/insurance-period.type';
import {
  ensureInsurancePeriodLock,
  insertInsurancePeriodInSession,
  lockInsurancePeriods,
} from '../insurance-period/insurance-period.writer';
import type { PensionPartnerRecord } from '../partner/partner.model';
import { rejectionReasons, submissionHash } from './exchange-document.inputs';
import type { ExchangeDocumentRecord, ExchangePeriodRecord } from './exchange-document.model';
import {
  PensionExchangeDirection,
  PensionExchangeDocumentStatus,
  PensionExchangeDocumentType,
} from './exchange-document.type';

const { RECEIVED, ACKNOWLEDGED, REJECTED, INVALIDATED } = PensionExchangeDocumentStatus;

/** A P5000 about to be received: the case, the normalized identifier, the key and the periods. */
export interface PeriodSubmission {
  exchangeCase: ExchangeCaseRecord;
  partner: PensionPartnerRecord;
  foreignId: string;
  idempotencyKey: string;
  periods: ExchangePeriodRecord[];
}

/**
 * Receives a P5000 once per idempotency key. The document is inserted first, outside any
 * transaction, so the unique (partner, key) index settles which request owns the key however many
 * retries race; the others read it: another payload is a CONFLICT, the same payload gets the same
 * document (processed, or processed now if its owner stopped half way). The periods are then
 * stored, or the document rejected with its reasons, in one transaction under the person's lock.
 */
export async function submitPeriods(
  models: PensionsModels,
  submission: PeriodSubmission,
  now = new Date(),
): Promise<ExchangeDocumentRecord> {
  const { exchangeCase, partner, idempotencyKey, periods } = submission;
  const payloadHash = submissionHash(
    exchangeCase._id.toHexString(),
    exchangeCase.pin,
    submission.foreignId,
    periods,
  );
  let document: ExchangeDocumentRecord;
  try {
    const [created] = await models.ExchangeDocument.create([
      {
        caseId: exchangeCase._id,
        pin: exchangeCase.pin,
        partner: partner._id,
        type: PensionExchangeDocumentType.P5000,
        direction: PensionExchangeDirection.INBOUND,
        version: 1,
        status: RECEIVED,
        idempotencyKey,
        payloadHash,
        periods,
      },
    ]);
    document = created!.toObject();
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    const first = await models.ExchangeDocument.findOne({
      partner: partner._id,
      idempotencyKey,
    }).lean<ExchangeDocumentRecord>();
    if (!first) throw error;
    if (first.payloadHash !== payloadHash) {
      throw conflict(
        `idempotencyKey "${idempotencyKey}" was used for document ${first._id.toHexString()} ` +
          'with another payload; send a new key for a new message',
        'idempotencyKey',
      );
    }
    if (first.status !== RECEIVED) return first;
    document = first;
  }
  return processSubmission(models, document, partner, now);
}

/**
 * Settles a RECEIVED P5000 in one transaction: the person's lock is bumped first (a concurrent
 * writer of the same person's periods conflicts and retries), the document is read again (another
 * request may have settled it meanwhile), then either every period is stored and the document
 * ACKNOWLEDGED, or it is REJECTED with all its reasons and no period is stored.
 */
export async function processSubmission(
  models: PensionsModels,
  document: ExchangeDocumentRecord,
  partner: PensionPartnerRecord,
  now = new Date(),
): Promise<ExchangeDocumentRecord> {
  await ensureInsurancePeriodLock(models.InsurancePeriodLock, document.pin);
  return models.connection.transaction(async (session) => {
    await lockInsurancePeriods(models, document.pin, session);
    const current = await models.ExchangeDocument.findById(document._id, null, {
      session,
    }).lean<ExchangeDocumentRecord>();
    if (!current || current.status !== RECEIVED) return current ?? document;
    const stored = await models.InsurancePeriod.find(
      { pin: current.pin },
      { from: 1, to: 1 },
      {
        session,
      },
    ).lean<InsurancePeriodRecord[]>();
    const reasons = rejectionReasons(current.periods, { country: partner.country, stored, now });
    // Settled either way, the document was received: the Social Fund's systems hear of it once.
    await recordChangeEvent(models, session, {
      type: 'EXCHANGE_DOCUMENT_RECEIVED',
      recordId: current._id.toHexString(),
      pin: current.pin,
      partner: current.partner,
    });
    if (reasons.length > 0) {
      return settle(models, current, { status: REJECTED, rejectionReasons: reasons }, session);
    }
    const periodIds = [];
    for (const period of current.periods) {
      const created = await insertInsurancePeriodInSession(
        models,
        {
          pin: current.pin,
          country: period.country,
          from: period.from,
          to: period.to,
          type: period.type,
          source: InsurancePeriodSource.PARTNER_REPORTED,
        },
        session,
      );
      periodIds.push(created._id);
    }
    return settle(
      models,
      current,
      { status: ACKNOWLEDGED, periodIds, acknowledgedAt: acknowledgementTime(current, now) },
      session,
    );
  });
}

/** Withdraws a document its sender invalidates: the periods it brought go, in one transaction. */
export async function invalidateDocument(
  models: PensionsModels,
  document: ExchangeDocumentRecord,
  reason: string,
  now = new Date(),
): Promise<ExchangeDocumentRecord> {
  const why = reason.trim();
  if (why.length === 0 || why.length > 500)
    throw badUserInput('reason', reason, 'must be 1-500 characters');
  if (document.status === INVALIDATED) return document;
  if (document.status === RECEIVED) {
    throw conflict(
      `Document ${document._id.toHexString()} is still being received; remind about it first`,
      'documentId',
    );
  }
  await ensureInsurancePeriodLock(models.InsurancePeriodLock, document.pin);
  return models.connection.transaction(async (session) => {
    await lockInsurancePeriods(models, document.pin, session);
    const current = await models.ExchangeDocument.findById(document._id, null, {
      session,
    }).lean<ExchangeDocumentRecord>();
    if (!current || current.status === INVALIDATED) return current ?? document;
    if (current.periodIds.length > 0)
      await models.InsurancePeriod.deleteMany({ _id: { $in: current.periodIds } }, { session });
    return settle(
      models,
      current,
      {
        status: INVALIDATED,
        invalidatedAt: now,
        invalidationReason: why,
        version: current.version + 1,
      },
      session,
    );
  });
}

/**
 * A reminder from the sender: a document still RECEIVED is settled now (its first request may
 * have stopped half way), and the acknowledgement, or rejection, is sent again.
 */
export async function remindDocument(
  models: PensionsModels,
  document: ExchangeDocumentRecord,
  partner: PensionPartnerRecord,
  now = new Date(),
): Promise<ExchangeDocumentRecord> {
  if (document.status === RECEIVED && document.direction === PensionExchangeDirection.INBOUND)
    await processSubmission(models, document, partner, now);
  const reminded = await models.ExchangeDocument.findOneAndUpdate(
    { _id: document._id },
    { $inc: { reminders: 1 }, $set: { remindedAt: now } },
    { returnDocument: 'after' },
  ).lean<ExchangeDocumentRecord>();
  return reminded ?? document;
}

/** The receiver's acknowledgement of a document sent to it; acknowledging again changes nothing. */
export async function acknowledgeDocument(
  models: PensionsModels,
  document: ExchangeDocumentRecord,
  now = new Date(),
): Promise<ExchangeDocumentRecord> {
  if (document.status !== RECEIVED) return document;
  const acknowledged = await models.ExchangeDocument.findOneAndUpdate(
    { _id: document._id, status: RECEIVED },
    { $set: { status: ACKNOWLEDGED, acknowledgedAt: acknowledgementTime(document, now) } },
    { returnDocument: 'after' },
  ).lean<ExchangeDocumentRecord>();
  return (
    acknowledged ??
    (await models.ExchangeDocument.findById(document._id).lean<ExchangeDocumentRecord>()) ??
    document
  );
}

/**
 * When an acknowledgement is recorded: `now`, but never before the document was received (a clock
 * behind the store's, or a replica's, must not date an acknowledgement before its receipt).
 */
export function acknowledgementTime(document: { createdAt: Date }, now: Date): Date {
  return now < document.createdAt ? document.createdAt : now;
}

/** Moves a document on from the status it was read in, which the held lock kept unchanged. */
async function settle(
  models: PensionsModels,
  document: ExchangeDocumentRecord,
  change: Partial<ExchangeDocumentRecord>,
  session: ClientSession,
): Promise<ExchangeDocumentRecord> {
  const updated = await models.ExchangeDocument.findOneAndUpdate(
    { _id: document._id, status: document.status },
    { $set: change },
    { returnDocument: 'after', session },
  ).lean<ExchangeDocumentRecord>();
  if (!updated) throw new Error(`document ${document._id.toHexString()} changed under its lock`);
  return updated;
}
