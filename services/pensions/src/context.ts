import type { Connection } from 'mongoose';
import { createAuditEventModel, type JolContext } from '@jol/schema';
import { createContributionsByPinLoader } from './contribution/contribution.loader';
import { createContributionModel } from './contribution/contribution.model';
import { createInsurancePeriodsByPinLoader } from './insurance-period/insurance-period.loader';
import {
  createInsurancePeriodLockModel,
  createInsurancePeriodModel,
} from './insurance-period/insurance-period.model';

/** The Social Fund's models, bound to its own database. */
export function createPensionsModels(connection: Connection) {
  return {
    connection,
    InsurancePeriod: createInsurancePeriodModel(connection),
    InsurancePeriodLock: createInsurancePeriodLockModel(connection),
    Contribution: createContributionModel(connection),
    AuditEvent: createAuditEventModel(connection),
  };
}
export type PensionsModels = ReturnType<typeof createPensionsModels>;

/** One set per request: loaders cache for the request's lifetime only. */
export function createPensionsLoaders(models: PensionsModels) {
  return {
    insurancePeriodsByPin: createInsurancePeriodsByPinLoader(models.InsurancePeriod),
    contributionsByPin: createContributionsByPinLoader(models.Contribution),
  };
}
export type PensionsLoaders = ReturnType<typeof createPensionsLoaders>;

export type PensionsContext = JolContext<PensionsLoaders, PensionsModels>;
