import { defineEntity } from '@jol/kernel';
import { createHealthInsuranceByPinLoader } from './insurance.loader';
import { createHealthInsuranceModel, type HealthInsuranceModel } from './insurance.model';
import { HealthInsuranceResolver, PersonHealthInsuranceResolver } from './insurance.resolver';
import { insuranceRules } from './insurance.rules';

/** Health insurance. */
export const insuranceEntity = defineEntity({
  resolvers: [PersonHealthInsuranceResolver, HealthInsuranceResolver],
  rules: [insuranceRules],
  models: (connection) => ({ HealthInsurance: createHealthInsuranceModel(connection) }),
  loaders: (models: { HealthInsurance: HealthInsuranceModel }) => ({
    healthInsuranceByPin: createHealthInsuranceByPinLoader(models.HealthInsurance),
  }),
});
