import { defineEntity } from '@jol/kernel';
import { createPartnerRegistryLoader } from './partner.loader';
import {
  createPensionAgreementModel,
  createPensionPartnerModel,
  type PensionAgreementModel,
  type PensionPartnerModel,
} from './partner.model';
import { PensionPartnerResolver } from './partner.resolver';
import { partnerRules } from './partner.rules';

/** Partner institutions and the agreements the exchange runs under. */
export const partnerEntity = defineEntity({
  resolvers: [PensionPartnerResolver],
  rules: [partnerRules],
  models: (connection) => ({
    PensionAgreement: createPensionAgreementModel(connection),
    PensionPartner: createPensionPartnerModel(connection),
  }),
  loaders: (models: {
    PensionAgreement: PensionAgreementModel;
    PensionPartner: PensionPartnerModel;
  }) => ({
    partnerRegistry: createPartnerRegistryLoader(models),
  }),
});
