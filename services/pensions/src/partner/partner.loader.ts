import type {
  PensionAgreementModel,
  PensionAgreementRecord,
  PensionPartnerModel,
  PensionPartnerRecord,
} from './partner.model';

/** The whole registry: a handful of agreements and partners, read together. */
export interface PartnerRegistry {
  agreements: ReadonlyMap<string, PensionAgreementRecord>;
  partners: ReadonlyMap<string, PensionPartnerRecord>;
}

/**
 * Reads the registry at most once per request (it is small reference data, so one read of each
 * collection serves every lookup of the request).
 */
export function createPartnerRegistryLoader(models: {
  PensionAgreement: PensionAgreementModel;
  PensionPartner: PensionPartnerModel;
}) {
  let registry: Promise<PartnerRegistry> | null = null;
  const read = async (): Promise<PartnerRegistry> => {
    const [agreements, partners] = await Promise.all([
      models.PensionAgreement.find({}).sort({ _id: 1 }).lean<PensionAgreementRecord[]>(),
      models.PensionPartner.find({}).sort({ _id: 1 }).lean<PensionPartnerRecord[]>(),
    ]);
    return {
      agreements: new Map(agreements.map((a) => [a._id, a])),
      partners: new Map(partners.map((p) => [p._id, p])),
    };
  };
  return {
    load(): Promise<PartnerRegistry> {
      registry ??= read();
      return registry;
    },
  };
}
