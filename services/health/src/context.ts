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
import { createConsentByIdLoader, createConsentsByPinLoader } from './consent/consent.loader';
import { createHealthConsentModel } from './consent/consent.model';
import { createHealthInsuranceByPinLoader } from './insurance/insurance.loader';
import { createHealthInsuranceModel } from './insurance/insurance.model';
import { createScreeningsByPinLoader } from './screening/screening.loader';
import { createHealthScreeningModel } from './screening/screening.model';
import { createTbCasesByPinLoader } from './tb-case/tb-case.loader';
import { createTbCaseModel } from './tb-case/tb-case.model';

/** The health service's models, bound to its own database. */
export function createHealthModels(connection: Connection) {
  return {
    connection,
    HealthScreening: createHealthScreeningModel(connection),
    TbCase: createTbCaseModel(connection),
    HealthInsurance: createHealthInsuranceModel(connection),
    HealthConsent: createHealthConsentModel(connection),
    AuditEvent: createAuditEventModel(connection),
    ...createChangeEventModels(connection),
    RecordVersion: createRecordVersionModel(connection),
    StatisticalUnit: createStatisticalUnitModel(connection),
    ...createIndicatorCubeModels(connection),
  };
}
export type HealthModels = ReturnType<typeof createHealthModels>;

/** One set per request: loaders cache for the request's lifetime only. */
export function createHealthLoaders(models: HealthModels) {
  return {
    screeningsByPin: createScreeningsByPinLoader(models.HealthScreening),
    screeningVersions: createRecordVersionsLoader(models.RecordVersion, 'HealthScreening'),
    tbCasesByPin: createTbCasesByPinLoader(models.TbCase),
    healthInsuranceByPin: createHealthInsuranceByPinLoader(models.HealthInsurance),
    consentsByPin: createConsentsByPinLoader(models.HealthConsent),
    consentById: createConsentByIdLoader(models.HealthConsent),
    indicatorCube: createIndicatorCubeLoader(models),
  };
}
export type HealthLoaders = ReturnType<typeof createHealthLoaders>;

export type HealthContext = JolContext<HealthLoaders, HealthModels>;
