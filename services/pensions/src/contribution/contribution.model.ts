import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { versionField, versionOf } from '@jol/kernel';
import { formatAmount } from './contribution.amount';
import { ContributionKind, PensionCurrency, type PensionContribution } from './contribution.type';

export interface ContributionRecord {
  _id: Types.ObjectId;
  pin: string;
  paidOn: Date;
  /** YYYY-MM. */
  periodMonth: string;
  /** The amount in hundredths of the currency unit (tyiyn for KGS), an exact integer. */
  amountHundredths: number;
  currency: PensionCurrency;
  kind: ContributionKind;
  /** 1 when recorded, one more with each correction; absent on contributions stored before versions. */
  version?: number;
  createdAt: Date;
  updatedAt: Date;
}

export const contributionSchema = new Schema<ContributionRecord>(
  {
    pin: { type: String, required: true },
    paidOn: { type: Date, required: true },
    periodMonth: { type: String, required: true, match: /^\d{4}-(0[1-9]|1[0-2])$/ },
    amountHundredths: {
      type: Number,
      required: true,
      min: 1,
      validate: { validator: Number.isSafeInteger, message: 'amountHundredths must be an integer' },
    },
    currency: { type: String, enum: Object.values(PensionCurrency), required: true },
    kind: { type: String, enum: Object.values(ContributionKind), required: true },
    ...versionField,
  },
  { timestamps: true, collection: 'pension_contributions' },
);
// A person's contributions, newest first.
contributionSchema.index({ pin: 1, paidOn: -1 });

export type ContributionModel = Model<ContributionRecord>;

export function createContributionModel(connection: Connection): ContributionModel {
  return connection.model<ContributionRecord>('PensionContribution', contributionSchema);
}

/** The one place a stored contribution becomes an API contribution. */
export function toContribution(record: ContributionRecord): PensionContribution {
  return {
    id: record._id.toHexString(),
    pin: record.pin,
    paidOn: record.paidOn,
    periodMonth: record.periodMonth,
    amount: formatAmount(record.amountHundredths),
    currency: record.currency,
    kind: record.kind,
    version: versionOf(record),
  };
}
