import { Types } from 'mongoose';
import { createManyByKeyLoader, createOneByKeyLoader, isRecordId, recordIdKey } from '@jol/kernel';
import type { ExchangeDocumentModel, ExchangeDocumentRecord } from './exchange-document.model';

/** Documents by id (in either case), one query per batch; null for an unknown or malformed id. */
export function createExchangeDocumentByIdLoader(ExchangeDocument: ExchangeDocumentModel) {
  return createOneByKeyLoader<ExchangeDocumentRecord>(
    (ids) =>
      ExchangeDocument.find({
        _id: { $in: ids.filter(isRecordId).map((id) => new Types.ObjectId(id)) },
      }).lean<ExchangeDocumentRecord[]>(),
    (record) => record._id.toHexString(),
    recordIdKey,
  );
}

/** Each case's documents, newest first, one query per batch; empty for a case without any. */
export function createExchangeDocumentsByCaseLoader(ExchangeDocument: ExchangeDocumentModel) {
  return createManyByKeyLoader<ExchangeDocumentRecord>(
    (caseIds) =>
      ExchangeDocument.find({
        caseId: { $in: caseIds.filter(isRecordId).map((id) => new Types.ObjectId(id)) },
      })
        .sort({ caseId: 1, createdAt: -1, _id: -1 })
        .lean<ExchangeDocumentRecord[]>(),
    (record) => record.caseId.toHexString(),
    recordIdKey,
  );
}
