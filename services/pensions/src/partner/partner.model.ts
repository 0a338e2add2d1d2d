import { Schema, type Connection, type Model } from 'mongoose';
import {
  PensionAgreementBenefit,
  PensionPartnerStatus,
  type PensionAgreement,
  type PensionPartner,
} from './partner.type';

/** Reference data: one agreement, keyed by its code. */
export interface PensionAgreementRecord {
  _id: string;
  title: string;
  signedOn: Date | null;
  inForceFrom: Date;
  parties: string[];
  benefit: PensionAgreementBenefit;
  periodsFrom: Date | null;
  periodsUntil: Date | null;
  source: string;
}

/** How a partner relies on one agreement: bounds narrower than the agreement's, and its end. */
export interface PartnerAgreementRecord {
  agreement: string;
  periodsFrom: Date | null;
  periodsUntil: Date | null;
  endedOn: Date | null;
  note: string | null;
}

/** Reference data: one partner institution, keyed by its code (the tokens' `partner` claim). */
export interface PensionPartnerRecord {
  _id: string;
  country: string;
  name: string;
  nativeName: string;
  personIdName: string;
  status: PensionPartnerStatus;
  agreements: PartnerAgreementRecord[];
}

export const pensionAgreementSchema = new Schema<PensionAgreementRecord>(
  {
    _id: { type: String, required: true },
    title: { type: String, required: true },
    signedOn: { type: Date, default: null },
    inForceFrom: { type: Date, required: true },
    parties: { type: [String], required: true },
    benefit: { type: String, enum: Object.values(PensionAgreementBenefit), required: true },
    periodsFrom: { type: Date, default: null },
    periodsUntil: { type: Date, default: null },
    source: { type: String, required: true },
  },
  { collection: 'pension_agreements', versionKey: false },
);

export const pensionPartnerSchema = new Schema<PensionPartnerRecord>(
  {
    _id: { type: String, required: true },
    country: { type: String, required: true },
    name: { type: String, required: true },
    nativeName: { type: String, required: true },
    personIdName: { type: String, required: true },
    status: { type: String, enum: Object.values(PensionPartnerStatus), required: true },
    agreements: {
      type: [
        new Schema<PartnerAgreementRecord>(
          {
            agreement: { type: String, required: true },
            periodsFrom: { type: Date, default: null },
            periodsUntil: { type: Date, default: null },
            endedOn: { type: Date, default: null },
            note: { type: String, default: null },
          },
          { _id: false },
        ),
      ],
      required: true,
    },
  },
  { collection: 'pension_partners', versionKey: false },
);

export type PensionAgreementModel = Model<PensionAgreementRecord>;
export type PensionPartnerModel = Model<PensionPartnerRecord>;

export function createPensionAgreementModel(connection: Connection): PensionAgreementModel {
  return connection.model<PensionAgreementRecord>('PensionAgreement', pensionAgreementSchema);
}

export function createPensionPartnerModel(connection: Connection): PensionPartnerModel {
  return connection.model<PensionPartnerRecord>('PensionPartner', pensionPartnerSchema);
}

/** The one place a stored agreement becomes an API agreement. */
export function toPensionAgreement(record: PensionAgreementRecord): PensionAgreement {
  return {
    code: record._id,
    title: record.title,
    signedOn: record.signedOn,
    inForceFrom: record.inForceFrom,
    parties: [...record.parties],
    benefit: record.benefit,
    periodsFrom: record.periodsFrom,
    periodsUntil: record.periodsUntil,
    source: record.source,
  };
}

/** The one place a stored partner becomes an API partner; agreements come from the registry. */
export function toPensionPartner(
  record: PensionPartnerRecord,
  agreements: ReadonlyMap<string, PensionAgreementRecord>,
): PensionPartner {
  return {
    code: record._id,
    country: record.country,
    name: record.name,
    nativeName: record.nativeName,
    personIdName: record.personIdName,
    status: record.status,
    agreements: record.agreements.flatMap((relied) => {
      const agreement = agreements.get(relied.agreement);
      return agreement
        ? [
            {
              agreement: toPensionAgreement(agreement),
              periodsFrom: relied.periodsFrom,
              periodsUntil: relied.periodsUntil,
              endedOn: relied.endedOn,
              note: relied.note,
            },
          ]
        : [];
    }),
  };
}
