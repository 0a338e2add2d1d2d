export * from './context';
export * from './schema';
export * from './server';
export * from './program';
export { healthStatisticalPins, rebuildHealthIndicators } from './indicators/indicators.build';
export type { HealthScreeningRecord } from './screening/screening.model';
export { toHealthScreening } from './screening/screening.model';
export { HealthScreening, ScreeningKind, ScreeningResult } from './screening/screening.type';
export type { TbCaseRecord } from './tb-case/tb-case.model';
export { isActiveTbCase, toTbCase } from './tb-case/tb-case.model';
export { treatmentStatusForOutcome } from './tb-case/tb-case.inputs';
export { TbCase, TbOutcome, TbTreatmentStatus } from './tb-case/tb-case.type';
export type { HealthInsuranceRecord } from './insurance/insurance.model';
export { toHealthInsurance } from './insurance/insurance.model';
export {
  healthInsuranceStatusOn,
  type StoredHealthInsuranceStatus,
} from './insurance/insurance.status';
export {
  HealthInsurance,
  HealthInsuranceScheme,
  HealthInsuranceStatus,
} from './insurance/insurance.type';
export type { HealthConsentRecord } from './consent/consent.model';
export { isActiveConsent, toHealthConsent } from './consent/consent.model';
export { CONSENT_RECIPIENT_AGENCY, ConsentRecipient, HealthConsent } from './consent/consent.type';
export { consentPurposesOf, MAX_CONSENT_YEARS } from './consent/consent.inputs';
export { FitnessForWorkAbroad } from './fitness/fitness.type';
export { fitnessForWorkAbroadOn } from './fitness/fitness.status';
export { HEALTH_MEASURES, healthMeasures } from './indicators/indicators.measures';
