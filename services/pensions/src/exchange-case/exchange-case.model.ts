import { Schema, Types, type Connection, type Model } from 'mongoose';
import type { PensionExchangeCase } from './exchange-case.type';

export interface ExchangeCaseRecord {
  _id: Types.ObjectId;
  pin: string;
  /** The partner institution's code (the `partner` claim of its tokens). */
  partner: string;
  /** The agreement's code. */
  agreement: string;
  /** The person's identifier at the partner, normalized (digits only for SNILS, IIN, TCKN). */
  foreignId: string;
  /** The token subject that opened the case. */
  openedBy: string;
  createdAt: Date;
  updatedAt: Date;
}

export const exchangeCaseSchema = new Schema<ExchangeCaseRecord>(
  {
    pin: { type: String, required: true },
    partner: { type: String, required: true },
    agreement: { type: String, required: true },
    foreignId: { type: String, required: true },
    openedBy: { type: String, required: true },
  },
  { timestamps: true, collection: 'pension_exchange_cases' },
);
// One case per person, partner and agreement: opening it again returns it, even when two race.
exchangeCaseSchema.index({ partner: 1, pin: 1, agreement: 1 }, { unique: true });
// A person's cases, for the rules ("has a case with this partner") and the officers' lookup.
exchangeCaseSchema.index({ pin: 1 });

export type ExchangeCaseModel = Model<ExchangeCaseRecord>;

export function createExchangeCaseModel(connection: Connection): ExchangeCaseModel {
  return connection.model<ExchangeCaseRecord>('PensionExchangeCase', exchangeCaseSchema);
}

/**
 * The person a partner institution's identifier (SNILS, IIN, TCKN) names at that institution: one
 * identifier is bound to one PIN per partner, and one PIN to one identifier, whatever the
 * agreement of the case. Unique indexes keep it so under concurrent openings.
 */
export interface ForeignIdBindingRecord {
  _id: Types.ObjectId;
  partner: string;
  foreignId: string;
  pin: string;
  createdAt: Date;
}

export const foreignIdBindingSchema = new Schema<ForeignIdBindingRecord>(
  {
    partner: { type: String, required: true },
    foreignId: { type: String, required: true },
    pin: { type: String, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false }, collection: 'pension_foreign_id_bindings' },
);
foreignIdBindingSchema.index({ partner: 1, foreignId: 1 }, { unique: true });
foreignIdBindingSchema.index({ partner: 1, pin: 1 }, { unique: true });

export type ForeignIdBindingModel = Model<ForeignIdBindingRecord>;

export function createForeignIdBindingModel(connection: Connection): ForeignIdBindingModel {
  return connection.model<ForeignIdBindingRecord>(
    'PensionForeignIdBinding',
    foreignIdBindingSchema,
  );
}

/** The one place a stored case becomes an API case. */
export function toExchangeCase(record: ExchangeCaseRecord): PensionExchangeCase {
  return {
    caseId: record._id.toHexString(),
    pin: record.pin,
    foreignId: record.foreignId,
    openedAt: record.createdAt.toISOString(),
    partnerCode: record.partner,
    agreementCode: record.agreement,
  };
}
