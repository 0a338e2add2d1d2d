import type { Connection } from 'mongoose';
import {
  createAuditEventModel,
  createRecordVersionModel,
  createRecordVersionsLoader,
  createIndicatorCubeLoader,
  createIndicatorCubeModels,
  createStatisticalUnitModel,
  type JolContext,
} from '@jol/schema';
import { createEmploymentByPinLoader } from './employment/employment.loader';
import {
  createEmploymentGuardModel,
  createEmploymentRecordModel,
} from './employment/employment.model';
import { createReintegrationEnrolmentsByPinLoader } from './reintegration/reintegration.loader';
import { createReintegrationEnrolmentModel } from './reintegration/reintegration.model';
import { createSkillsByPinLoader } from './skill/skill.loader';
import { createSkillModel } from './skill/skill.model';

/** The labour service's models, bound to its own database. */
export function createLabourModels(connection: Connection) {
  return {
    connection,
    EmploymentRecord: createEmploymentRecordModel(connection),
    EmploymentGuard: createEmploymentGuardModel(connection),
    ReintegrationEnrolment: createReintegrationEnrolmentModel(connection),
    Skill: createSkillModel(connection),
    AuditEvent: createAuditEventModel(connection),
    RecordVersion: createRecordVersionModel(connection),
    StatisticalUnit: createStatisticalUnitModel(connection),
    ...createIndicatorCubeModels(connection),
  };
}
export type LabourModels = ReturnType<typeof createLabourModels>;

/** One set per request: loaders cache for the request's lifetime only. */
export function createLabourLoaders(models: LabourModels) {
  return {
    employmentByPin: createEmploymentByPinLoader(models.EmploymentRecord),
    employmentVersions: createRecordVersionsLoader(models.RecordVersion, 'EmploymentRecord'),
    reintegrationEnrolmentsByPin: createReintegrationEnrolmentsByPinLoader(
      models.ReintegrationEnrolment,
    ),
    skillsByPin: createSkillsByPinLoader(models.Skill),
    indicatorCube: createIndicatorCubeLoader(models),
  };
}
export type LabourLoaders = ReturnType<typeof createLabourLoaders>;

export type LabourContext = JolContext<LabourLoaders, LabourModels>;
