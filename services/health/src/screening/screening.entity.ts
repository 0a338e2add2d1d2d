import { createRecordVersionsLoader, defineEntity, type RecordVersionModel } from '@jol/kernel';
import { createScreeningsByPinLoader } from './screening.loader';
import { createHealthScreeningModel, type HealthScreeningModel } from './screening.model';
import { HealthScreeningResolver, PersonScreeningsResolver } from './screening.resolver';
import { screeningRules } from './screening.rules';

/** Health screenings, correctable with their versions. */
export const screeningEntity = defineEntity({
  resolvers: [PersonScreeningsResolver, HealthScreeningResolver],
  rules: [screeningRules],
  models: (connection) => ({ HealthScreening: createHealthScreeningModel(connection) }),
  loaders: (models: {
    HealthScreening: HealthScreeningModel;
    RecordVersion: RecordVersionModel;
  }) => ({
    screeningsByPin: createScreeningsByPinLoader(models.HealthScreening),
    screeningVersions: createRecordVersionsLoader(models.RecordVersion, 'HealthScreening'),
  }),
});
