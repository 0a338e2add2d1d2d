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
] as const;
export type Role = (typeof ROLES)[number];

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
] as const;
export type Purpose = (typeof PURPOSES)[number];

export function isPurpose(value: unknown): value is Purpose {
  return typeof value === 'string' && (PURPOSES as readonly string[]).includes(value);
}
