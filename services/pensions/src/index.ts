export * from './context';
export * from './schema';
export * from './server';
export * from './program';
export { pensionsStatisticalPins, rebuildPensionsIndicators } from './indicators/indicators.build';
export type {
  InsurancePeriodLockRecord,
  InsurancePeriodRecord,
} from './insurance-period/insurance-period.model';
export { toInsurancePeriod } from './insurance-period/insurance-period.model';
export {
  HOME_COUNTRY,
  InsurancePeriodSource,
  InsurancePeriodType,
} from './insurance-period/insurance-period.type';
export {
  ensureInsurancePeriodLock,
  insertInsurancePeriodInSession,
  writeInsurancePeriod,
  type NewInsurancePeriod,
} from './insurance-period/insurance-period.writer';
export type { ContributionRecord } from './contribution/contribution.model';
export { toContribution } from './contribution/contribution.model';
export { formatAmount, parseAmount } from './contribution/contribution.amount';
export { ContributionKind, PensionCurrency } from './contribution/contribution.type';
export { summariseService, toServiceLength } from './service-summary/service-summary.compute';
export type {
  PartnerAgreementRecord,
  PensionAgreementRecord,
  PensionPartnerRecord,
} from './partner/partner.model';
export {
  PENSION_AGREEMENTS,
  PENSION_PARTNERS,
  ensurePartnerRegistry,
} from './partner/partner.registry';
export { PensionAgreementBenefit, PensionPartnerStatus } from './partner/partner.type';
export {
  coverageByCountry,
  coverageOf,
  decisionsCoveredBy,
  periodsCoveredBy,
  type CoverageWindow,
} from './partner/partner.coverage';
export type { ExchangeCaseRecord } from './exchange-case/exchange-case.model';
export type {
  DecisionRecord,
  ExchangeDocumentRecord,
  ExchangePeriodRecord,
} from './exchange-document/exchange-document.model';
export {
  PensionExchangeDirection,
  PensionExchangeDocumentStatus,
  PensionExchangeDocumentType,
} from './exchange-document/exchange-document.type';
export {
  PensionDecisionBasis,
  PensionDecisionResult,
  PensionDecisionType,
  PensionPaymentFrequency,
} from './decision/decision.type';
export { computeEntitlement, KYRGYZ_OLD_AGE_PENSION } from './entitlement/entitlement.compute';
export { PENSIONS_MEASURES, pensionsMeasures } from './indicators/indicators.measures';
