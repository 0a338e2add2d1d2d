import { Schema, Types, type Connection, type Model } from 'mongoose';
import { InsurancePeriodType } from '../insurance-period/insurance-period.type';
import {
  PensionExchangeDirection,
  PensionExchangeDocumentStatus,
  PensionExchangeDocumentType,
  type PensionExchangeDocument,
} from './exchange-document.type';

/** A period as a P5000 carries it: the insuring country, the days, and the totals as reported. */
export interface ExchangePeriodRecord {
  country: string;
  from: Date;
  to: Date;
  type: InsurancePeriodType;
  years: number;
  months: number;
  days: number;
}

/** A period's own fields, copied from an input or a stored document (nothing else rides along). */
export function exchangePeriodOf(period: ExchangePeriodRecord): ExchangePeriodRecord {
  const { country, from, to, type, years, months, days } = period;
  return { country, from, to, type, years, months, days };
}

/** The content of a P6000, as the Social Fund recorded it. */
export interface DecisionRecord {
  type: string;
  result: string;
  effectiveOn: Date;
  grossHundredths: number | null;
  netHundredths: number | null;
  currency: string | null;
  frequency: string | null;
  refusalReasons: string[];
  basis: string;
}

export interface ExchangeDocumentRecord {
  _id: Types.ObjectId;
  caseId: Types.ObjectId;
  pin: string;
  partner: string;
  type: PensionExchangeDocumentType;
  direction: PensionExchangeDirection;
  version: number;
  status: PensionExchangeDocumentStatus;
  rejectionReasons: string[];
  /**
   * The sender's key, unique per partner: the partner's own for inbound documents, `kg.<id>` for
   * the Social Fund's outbound ones (a partner's key has no dot, so the two never clash).
   */
  idempotencyKey: string;
  /** SHA-256 of the submitted payload (inbound), to tell a retry from a different message. */
  payloadHash: string | null;
  periods: ExchangePeriodRecord[];
  /** Insurance periods stored from this document, removed again if it is invalidated. */
  periodIds: Types.ObjectId[];
  decision: DecisionRecord | null;
  acknowledgedAt: Date | null;
  invalidatedAt: Date | null;
  invalidationReason: string | null;
  reminders: number;
  remindedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const exchangePeriodSchema = new Schema<ExchangePeriodRecord>(
  {
    country: { type: String, required: true },
    from: { type: Date, required: true },
    to: { type: Date, required: true },
    type: { type: String, enum: Object.values(InsurancePeriodType), required: true },
    years: { type: Number, required: true },
    months: { type: Number, required: true },
    days: { type: Number, required: true },
  },
  { _id: false },
);

const decisionSchema = new Schema<DecisionRecord>(
  {
    type: { type: String, required: true },
    result: { type: String, required: true },
    effectiveOn: { type: Date, required: true },
    grossHundredths: { type: Number, default: null },
    netHundredths: { type: Number, default: null },
    currency: { type: String, default: null },
    frequency: { type: String, default: null },
    refusalReasons: { type: [String], default: [] },
    basis: { type: String, required: true },
  },
  { _id: false },
);

export const exchangeDocumentSchema = new Schema<ExchangeDocumentRecord>(
  {
    caseId: { type: Schema.Types.ObjectId, required: true },
    pin: { type: String, required: true },
    partner: { type: String, required: true },
    type: { type: String, enum: Object.values(PensionExchangeDocumentType), required: true },
    direction: { type: String, enum: Object.values(PensionExchangeDirection), required: true },
    version: { type: Number, required: true, default: 1 },
    status: { type: String, enum: Object.values(PensionExchangeDocumentStatus), required: true },
    rejectionReasons: { type: [String], default: [] },
    idempotencyKey: { type: String, required: true },
    payloadHash: { type: String, default: null },
    periods: { type: [exchangePeriodSchema], default: [] },
    periodIds: { type: [Schema.Types.ObjectId], default: [] },
    decision: { type: decisionSchema, default: null },
    acknowledgedAt: { type: Date, default: null },
    invalidatedAt: { type: Date, default: null },
    invalidationReason: { type: String, default: null },
    reminders: { type: Number, default: 0 },
    remindedAt: { type: Date, default: null },
  },
  { timestamps: true, collection: 'pension_exchange_documents' },
);
// Idempotency: one document per partner and key, whatever the number of concurrent retries.
exchangeDocumentSchema.index({ partner: 1, idempotencyKey: 1 }, { unique: true });
// A case's documents, newest first.
exchangeDocumentSchema.index({ caseId: 1, createdAt: -1 });

export type ExchangeDocumentModel = Model<ExchangeDocumentRecord>;

export function createExchangeDocumentModel(connection: Connection): ExchangeDocumentModel {
  return connection.model<ExchangeDocumentRecord>(
    'PensionExchangeDocument',
    exchangeDocumentSchema,
  );
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** The one place a stored document becomes an API document (a decision is resolved apart). */
export function toExchangeDocument(record: ExchangeDocumentRecord): PensionExchangeDocument {
  return {
    documentId: record._id.toHexString(),
    caseId: record.caseId.toHexString(),
    pin: record.pin,
    type: record.type,
    direction: record.direction,
    version: record.version,
    status: record.status,
    rejectionReasons: [...record.rejectionReasons],
    idempotencyKey:
      record.direction === PensionExchangeDirection.INBOUND ? record.idempotencyKey : null,
    periods: record.periods.map(exchangePeriodOf),
    receivedAt: record.createdAt.toISOString(),
    acknowledgedAt: iso(record.acknowledgedAt),
    invalidatedAt: iso(record.invalidatedAt),
    invalidationReason: record.invalidationReason,
    reminders: record.reminders,
    decisionRecord: record.decision,
  };
}
