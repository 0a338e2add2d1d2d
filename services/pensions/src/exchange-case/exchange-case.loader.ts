import { Types } from 'mongoose';
import { createManyByKeyLoader, createOneByKeyLoader, isRecordId, recordIdKey } from '@jol/kernel';
import type { ExchangeCaseModel, ExchangeCaseRecord } from './exchange-case.model';

/** Cases by id (in either case), one query per batch; null for an unknown or malformed id. */
export function createExchangeCaseByIdLoader(ExchangeCase: ExchangeCaseModel) {
  return createOneByKeyLoader<ExchangeCaseRecord>(
    (ids) =>
      ExchangeCase.find({
        _id: { $in: ids.filter(isRecordId).map((id) => new Types.ObjectId(id)) },
      }).lean<ExchangeCaseRecord[]>(),
    (record) => record._id.toHexString(),
    recordIdKey,
  );
}

/** Each PIN's cases, oldest first, one query per batch; an empty list for a PIN without any. */
export function createExchangeCasesByPinLoader(ExchangeCase: ExchangeCaseModel) {
  return createManyByKeyLoader<ExchangeCaseRecord>(
    (pins) =>
      ExchangeCase.find({ pin: { $in: [...pins] } })
        .sort({ pin: 1, createdAt: 1 })
        .lean<ExchangeCaseRecord[]>(),
    (record) => record.pin,
  );
}
