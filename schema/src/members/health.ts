import type {
  ChangeEventDeclaration,
  DataClassDeclaration,
  FederationReadsDeclaration,
  PurposePolicy,
  RolePolicy,
  SubgraphDeclaration,
} from './declaration';
import type { Agency, DataClass, Role } from './index';

/** The Ministry of Health: screenings, TB cases, insurance, consents, fitness for work abroad. */
export const subgraph = {
  name: 'health',
  agency: 'Ministry of Health',
  port: 4003,
} as const satisfies SubgraphDeclaration;

export const dataClasses = {
  health: { description: 'Screenings, TB cases, health insurance, consents' },
  healthCertificate: { description: 'Fitness for work abroad (consent-gated outside health)' },
} as const satisfies Record<string, DataClassDeclaration>;

/**
 * The consent-gated `healthCertificate` is listed, in the other members' purposes, for those a
 * person may consent to share it for (see consentRecipients); a role outside health reads it only
 * with such a consent.
 */
export const purposes = {
  MEDICAL_CARE: {
    why:
      'Treating a named patient: identity, travel history, health records and certificate; it ' +
      'records the consents to share the certificate the patient gives.',
    writes: ['health', 'healthCertificate'],
    reads: ['identity', 'residence', 'migrationEpisodes', 'health', 'healthCertificate'],
  },
  PUBLIC_HEALTH: {
    why:
      'Surveillance of screenings and TB among migrants works on records keyed by PIN, with the ' +
      'home region and travel history; naming the person (identity) is for MEDICAL_CARE, and so ' +
      'is the certificate. It records screenings and TB cases.',
    writes: ['health'],
    reads: ['residence', 'migrationEpisodes', 'health'],
  },
} as const satisfies Record<string, PurposePolicy>;

export const roles = {
  HEALTH_OFFICER: {
    purposes: ['MEDICAL_CARE', 'PUBLIC_HEALTH'],
    reads: ['identity', 'residence', 'migrationEpisodes', 'health', 'healthCertificate'],
    writes: 'health',
  },
} as const satisfies Record<string, RolePolicy>;

export const fieldClasses = {
  'Person.screenings': 'health',
  'HealthScreening.versions': 'health',
  'Person.tbCases': 'health',
  'Person.healthInsurance': 'health',
  'Person.healthConsents': 'health',
  'Person.fitForWorkAbroad': 'healthCertificate',
} as const satisfies Record<string, DataClass>;

/**
 * A consent decides who reads the certificate, so recording or revoking one is a write of the
 * certificate's class: only a purpose that reads the certificate (the person's own, MEDICAL_CARE)
 * may make it (see federationReads.subjectWrites).
 */
export const writeClasses = {
  'Mutation.recordScreening': 'health',
  'Mutation.correctHealthScreening': 'health',
  'Mutation.voidHealthScreening': 'health',
  'Mutation.recordTbCase': 'health',
  'Mutation.recordTbOutcome': 'health',
  'Mutation.updateTbTreatmentStatus': 'health',
  'Mutation.setHealthInsurance': 'health',
  'Mutation.grantHealthConsent': 'healthCertificate',
  'Mutation.revokeHealthConsent': 'healthCertificate',
} as const satisfies Record<string, DataClass>;

export const filterClasses = {} as const satisfies Record<string, DataClass>;

export const changeEvents = {
  TB_CASE_OPENED: {
    dataClass: 'health',
    description:
      'A TB case was opened (recordTbCase); whether the person is a returnee is read from Person.episodes.',
  },
  HEALTH_CONSENT_GRANTED: {
    dataClass: 'health',
    description: 'A person let another agency see their fitness certificate (grantHealthConsent).',
  },
  HEALTH_CONSENT_REVOKED: {
    dataClass: 'health',
    description: 'A consent was withdrawn (revokeHealthConsent).',
  },
} as const satisfies Record<string, ChangeEventDeclaration>;

/** The person grants and revokes their own consents (SELF_SERVICE writes `healthCertificate`). */
export const federationReads = {
  subject: ['health', 'healthCertificate'],
  subjectWrites: ['healthCertificate'],
} as const satisfies FederationReadsDeclaration;

/** Who may read a person's fitness certificate with a recorded consent: officers of these agencies. */
export const consentRecipients = {
  migration: 'MIGRATION_OFFICER',
  labour: 'LABOUR_OFFICER',
  pensions: 'PENSION_OFFICER',
} as const satisfies Partial<Record<Agency, Role>>;

export const searchRoles = ['HEALTH_OFFICER'] as const satisfies readonly Role[];
export const introspectionRoles = ['HEALTH_OFFICER'] as const satisfies readonly Role[];
