import { defineEntity } from '@jol/kernel';
import { createReintegrationEnrolmentsByPinLoader } from './reintegration.loader';
import {
  createReintegrationEnrolmentModel,
  type ReintegrationEnrolmentModel,
} from './reintegration.model';
import {
  PersonReintegrationEnrolmentsResolver,
  ReintegrationEnrolmentResolver,
} from './reintegration.resolver';
import { reintegrationRules } from './reintegration.rules';

/** Reintegration programmes returnees enrolled in. */
export const reintegrationEntity = defineEntity({
  resolvers: [PersonReintegrationEnrolmentsResolver, ReintegrationEnrolmentResolver],
  rules: [reintegrationRules],
  models: (connection) => ({
    ReintegrationEnrolment: createReintegrationEnrolmentModel(connection),
  }),
  loaders: (models: { ReintegrationEnrolment: ReintegrationEnrolmentModel }) => ({
    reintegrationEnrolmentsByPin: createReintegrationEnrolmentsByPinLoader(
      models.ReintegrationEnrolment,
    ),
  }),
});
