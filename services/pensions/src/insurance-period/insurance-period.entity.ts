import { createRecordVersionsLoader, defineEntity, type RecordVersionModel } from '@jol/kernel';
import { createInsurancePeriodsByPinLoader } from './insurance-period.loader';
import {
  createInsurancePeriodLockModel,
  createInsurancePeriodModel,
  type InsurancePeriodModel,
} from './insurance-period.model';
import {
  InsurancePeriodResolver,
  PersonInsurancePeriodsResolver,
} from './insurance-period.resolver';
import { insurancePeriodRules } from './insurance-period.rules';

/** Insurance periods, correctable with their versions; the lock serializes a person's writes. */
export const insurancePeriodEntity = defineEntity({
  resolvers: [PersonInsurancePeriodsResolver, InsurancePeriodResolver],
  rules: [insurancePeriodRules],
  models: (connection) => ({
    InsurancePeriod: createInsurancePeriodModel(connection),
    InsurancePeriodLock: createInsurancePeriodLockModel(connection),
  }),
  loaders: (models: {
    InsurancePeriod: InsurancePeriodModel;
    RecordVersion: RecordVersionModel;
  }) => ({
    insurancePeriodsByPin: createInsurancePeriodsByPinLoader(models.InsurancePeriod),
    insurancePeriodVersions: createRecordVersionsLoader(models.RecordVersion, 'InsurancePeriod'),
  }),
});
