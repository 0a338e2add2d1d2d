import { createRecordVersionsLoader, defineEntity, type RecordVersionModel } from '@jol/kernel';
import { createEmploymentByPinLoader } from './employment.loader';
import {
  createEmploymentGuardModel,
  createEmploymentRecordModel,
  type EmploymentRecordModel,
} from './employment.model';
import { EmploymentRecordResolver, PersonEmploymentResolver } from './employment.resolver';
import { employmentRules } from './employment.rules';

/** Jobs abroad, correctable with their versions; the guard serializes a person's writes. */
export const employmentEntity = defineEntity({
  resolvers: [PersonEmploymentResolver, EmploymentRecordResolver],
  rules: [employmentRules],
  models: (connection) => ({
    EmploymentRecord: createEmploymentRecordModel(connection),
    EmploymentGuard: createEmploymentGuardModel(connection),
  }),
  loaders: (models: {
    EmploymentRecord: EmploymentRecordModel;
    RecordVersion: RecordVersionModel;
  }) => ({
    employmentByPin: createEmploymentByPinLoader(models.EmploymentRecord),
    employmentVersions: createRecordVersionsLoader(models.RecordVersion, 'EmploymentRecord'),
  }),
});
