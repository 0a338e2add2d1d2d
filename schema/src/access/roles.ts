/** Every role a Jol token can carry. */
export const ROLES = [
  'MIGRATION_OFFICER',
  'LABOUR_OFFICER',
  'HEALTH_OFFICER',
  'PENSION_OFFICER',
  'ANALYST',
  'PARTNER',
  'AUDITOR',
  'DATA_SUBJECT',
  'SUBJECT_DIRECTORY',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * Roles that only Jol's own services hold, never a person or an institution: a token carrying one
 * is accepted only when signed with the services' key (see service-identity.ts), and an identity
 * provider's token that names one is refused.
 */
export const SERVICE_ROLES: readonly Role[] = ['SUBJECT_DIRECTORY'];

export function isServiceRole(value: unknown): boolean {
  return typeof value === 'string' && (SERVICE_ROLES as readonly string[]).includes(value);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Declared purposes of processing; every person-level read and every write names one. */
export const PURPOSES = [
  'MIGRATION_REGISTRATION',
  'RETURNEE_SUPPORT',
  'EMPLOYMENT_SERVICES',
  'MEDICAL_CARE',
  'PUBLIC_HEALTH',
  'PENSION_ASSESSMENT',
  'STATISTICS',
  'PENSION_EXCHANGE',
  'AUDIT',
  'SELF_SERVICE',
  'WRITE_CHECK',
] as const;
export type Purpose = (typeof PURPOSES)[number];

export function isPurpose(value: unknown): value is Purpose {
  return typeof value === 'string' && (PURPOSES as readonly string[]).includes(value);
}
