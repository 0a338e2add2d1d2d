import type { Connection } from 'mongoose';
import {
  createAuditEventModel,
  createChangeEventModels,
  createRecordVersionModel,
  createRecordVersionsLoader,
  createIndicatorCubeLoader,
  createIndicatorCubeModels,
  createStatisticalUnitModel,
  type JolContext,
} from '@jol/schema';
import { createContributionsByPinLoader } from './contribution/contribution.loader';
import { createContributionModel } from './contribution/contribution.model';
import {
  createExchangeCaseByIdLoader,
  createExchangeCasesByPinLoader,
} from './exchange-case/exchange-case.loader';
import {
  createExchangeCaseModel,
  createForeignIdBindingModel,
} from './exchange-case/exchange-case.model';
import {
  createExchangeDocumentByIdLoader,
  createExchangeDocumentsByCaseLoader,
} from './exchange-document/exchange-document.loader';
import { createExchangeDocumentModel } from './exchange-document/exchange-document.model';
import { createInsurancePeriodsByPinLoader } from './insurance-period/insurance-period.loader';
import {
  createInsurancePeriodLockModel,
  createInsurancePeriodModel,
} from './insurance-period/insurance-period.model';
import { createPartnerRegistryLoader } from './partner/partner.loader';
import { createPensionAgreementModel, createPensionPartnerModel } from './partner/partner.model';

/** The Social Fund's models, bound to its own database. */
export function createPensionsModels(connection: Connection) {
  return {
    connection,
    InsurancePeriod: createInsurancePeriodModel(connection),
    InsurancePeriodLock: createInsurancePeriodLockModel(connection),
    Contribution: createContributionModel(connection),
    AuditEvent: createAuditEventModel(connection),
    ...createChangeEventModels(connection),
    RecordVersion: createRecordVersionModel(connection),
    StatisticalUnit: createStatisticalUnitModel(connection),
    ...createIndicatorCubeModels(connection),
    PensionAgreement: createPensionAgreementModel(connection),
    PensionPartner: createPensionPartnerModel(connection),
    ExchangeCase: createExchangeCaseModel(connection),
    ForeignIdBinding: createForeignIdBindingModel(connection),
    ExchangeDocument: createExchangeDocumentModel(connection),
  };
}
export type PensionsModels = ReturnType<typeof createPensionsModels>;

/** One set per request: loaders cache for the request's lifetime only. */
export function createPensionsLoaders(models: PensionsModels) {
  return {
    insurancePeriodsByPin: createInsurancePeriodsByPinLoader(models.InsurancePeriod),
    contributionsByPin: createContributionsByPinLoader(models.Contribution),
    insurancePeriodVersions: createRecordVersionsLoader(models.RecordVersion, 'InsurancePeriod'),
    contributionVersions: createRecordVersionsLoader(models.RecordVersion, 'PensionContribution'),
    indicatorCube: createIndicatorCubeLoader(models),
    partnerRegistry: createPartnerRegistryLoader(models),
    exchangeCaseById: createExchangeCaseByIdLoader(models.ExchangeCase),
    exchangeCasesByPin: createExchangeCasesByPinLoader(models.ExchangeCase),
    exchangeDocumentById: createExchangeDocumentByIdLoader(models.ExchangeDocument),
    exchangeDocumentsByCase: createExchangeDocumentsByCaseLoader(models.ExchangeDocument),
  };
}
export type PensionsLoaders = ReturnType<typeof createPensionsLoaders>;

export type PensionsContext = JolContext<PensionsLoaders, PensionsModels>;
