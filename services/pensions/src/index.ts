export * from './context';
export * from './schema';
export * from './server';
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
