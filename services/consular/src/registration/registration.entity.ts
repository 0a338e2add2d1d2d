import { defineEntity } from '@jol/kernel';
import { createRegistrationsByPinLoader } from './registration.loader';
import {
  createConsularRegistrationModel,
  type ConsularRegistrationModel,
} from './registration.model';
import {
  ConsularRegistrationResolver,
  PersonConsularRegistrationsResolver,
} from './registration.resolver';
import { registrationRules } from './registration.rules';

/** Consular registrations: where a citizen abroad told a consulate they live. */
export const registrationEntity = defineEntity({
  resolvers: [PersonConsularRegistrationsResolver, ConsularRegistrationResolver],
  rules: [registrationRules],
  models: (connection) => ({
    ConsularRegistration: createConsularRegistrationModel(connection),
  }),
  loaders: (models: { ConsularRegistration: ConsularRegistrationModel }) => ({
    registrationsByPin: createRegistrationsByPinLoader(models.ConsularRegistration),
  }),
});
