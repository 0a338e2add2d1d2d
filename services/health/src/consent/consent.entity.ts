import { defineEntity } from '@jol/kernel';
import { createConsentByIdLoader, createConsentsByPinLoader } from './consent.loader';
import { createHealthConsentModel, type HealthConsentModel } from './consent.model';
import { HealthConsentResolver, PersonHealthConsentsResolver } from './consent.resolver';
import { consentRules } from './consent.rules';

/** Consents a person gave another agency to see their fitness certificate. */
export const consentEntity = defineEntity({
  resolvers: [PersonHealthConsentsResolver, HealthConsentResolver],
  rules: [consentRules],
  models: (connection) => ({ HealthConsent: createHealthConsentModel(connection) }),
  loaders: (models: { HealthConsent: HealthConsentModel }) => ({
    consentsByPin: createConsentsByPinLoader(models.HealthConsent),
    consentById: createConsentByIdLoader(models.HealthConsent),
  }),
});
