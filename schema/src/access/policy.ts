import type { Purpose, Role } from './roles';

/**
 * Jol's access policy, written once as data: the code's rules and the tests' expectations both
 * read these tables. Changing who may read what means changing this file, nowhere else.
 */

/** Kinds of person-level data; each field of the graph that reveals a person belongs to one. */
export const DATA_CLASSES = {
  identity: 'Names, birth date, sex, home region',
  migrationRecord: 'Migration status, Russian proficiency, entry bans, dependants left behind',
  childIdentity: 'PINs of dependants left behind (masked for others)',
  migrationEpisodes: 'Departures, destinations and returns',
  employmentSummary: 'Employment abroad: country, sector, dates',
  employmentDetail: 'Employer, formal contract, permits',
  labourServices: 'Reintegration enrolments, skills and certifications',
  health: 'Screenings, TB cases, health insurance, consents',
  healthCertificate: 'Fitness for work abroad (consent-gated outside health)',
  pensions: 'Insurance periods, contributions, service summary',
  accessLog: 'Who read a person, when and why',
} as const;
export type DataClass = keyof typeof DATA_CLASSES;
export const ALL_DATA_CLASSES = Object.keys(DATA_CLASSES) as DataClass[];

export type Agency = 'migration' | 'labour' | 'health' | 'pensions';

export interface RolePolicy {
  purposes: readonly Purpose[];
  /** Person-level data the role may read. */
  reads: readonly DataClass[];
  /** The agency whose data the role may write, if any. */
  writes: Agency | null;
  /** The role reads only the person named by the token's `pin` claim. */
  ownRecordOnly?: true;
}

export const ROLE_POLICY: Record<Role, RolePolicy> = {
  MIGRATION_OFFICER: {
    purposes: ['MIGRATION_REGISTRATION', 'RETURNEE_SUPPORT'],
    reads: [
      'identity',
      'migrationRecord',
      'childIdentity',
      'migrationEpisodes',
      'employmentSummary',
    ],
    writes: 'migration',
  },
  LABOUR_OFFICER: {
    purposes: ['EMPLOYMENT_SERVICES', 'RETURNEE_SUPPORT'],
    reads: [
      'identity',
      'migrationEpisodes',
      'employmentSummary',
      'employmentDetail',
      'labourServices',
    ],
    writes: 'labour',
  },
  HEALTH_OFFICER: {
    purposes: ['MEDICAL_CARE', 'PUBLIC_HEALTH'],
    reads: ['identity', 'migrationEpisodes', 'health', 'healthCertificate'],
    writes: 'health',
  },
  PENSION_OFFICER: {
    purposes: ['PENSION_ASSESSMENT'],
    reads: ['identity', 'migrationEpisodes', 'employmentSummary', 'pensions'],
    writes: 'pensions',
  },
  ANALYST: { purposes: ['STATISTICS'], reads: [], writes: null },
  PARTNER: { purposes: ['PENSION_EXCHANGE'], reads: [], writes: null },
  AUDITOR: { purposes: ['AUDIT'], reads: ['accessLog'], writes: null },
  DATA_SUBJECT: {
    purposes: ['SELF_SERVICE'],
    reads: [
      'identity',
      'migrationRecord',
      'childIdentity',
      'migrationEpisodes',
      'employmentSummary',
      'employmentDetail',
      'labourServices',
      'health',
      'healthCertificate',
      'pensions',
      'accessLog',
    ],
    writes: null,
    ownRecordOnly: true,
  },
};

/**
 * The data class of every field that reveals a person, by schema coordinate. Fields of value
 * types not listed here (a name's parts, an episode's dates) are reachable only through a listed
 * field, whose rule guards them. `Person.pin` is the key: it only repeats a PIN the caller gave or
 * was shown by a guarded list, so it is readable wherever the Person is.
 */
export const FIELD_CLASSES: Record<string, DataClass> = {
  // migration
  'Person.nameCyrillic': 'identity',
  'Person.nameLatin': 'identity',
  'Person.birthDate': 'identity',
  'Person.sex': 'identity',
  'Person.homeRegion': 'identity',
  'Person.russianProficiency': 'migrationRecord',
  'Person.status': 'migrationRecord',
  'Person.entryBans': 'migrationRecord',
  'Person.dependants': 'migrationRecord',
  'Dependant.childPin': 'childIdentity',
  'Person.episodes': 'migrationEpisodes',
  // labour
  'Person.employment': 'employmentSummary',
  'EmploymentRecord.employer': 'employmentDetail',
  'EmploymentRecord.formal': 'employmentDetail',
  'EmploymentRecord.permitType': 'employmentDetail',
  'EmploymentRecord.permitNumber': 'employmentDetail',
  'Person.reintegrationEnrolments': 'labourServices',
  'Person.skills': 'labourServices',
  // health
  'Person.screenings': 'health',
  'Person.tbCases': 'health',
  'Person.healthInsurance': 'health',
  'Person.healthConsents': 'health',
  'Person.fitForWorkAbroad': 'healthCertificate',
  // pensions
  'Person.insurancePeriods': 'pensions',
  'Person.contributions': 'pensions',
  'Person.serviceSummary': 'pensions',
  // every agency
  'Person.accessLog': 'accessLog',
  'PersonAccessLog.migration': 'accessLog',
  'PersonAccessLog.labour': 'accessLog',
  'PersonAccessLog.health': 'accessLog',
  'PersonAccessLog.pensions': 'accessLog',
};

/** Which roles may read a data class, derived from ROLE_POLICY. */
export function rolesReading(dataClass: DataClass): Role[] {
  return (Object.keys(ROLE_POLICY) as Role[]).filter((role) =>
    ROLE_POLICY[role].reads.includes(dataClass),
  );
}

/** Who may read a person's fitness certificate with a recorded consent: officers of these agencies. */
export const CONSENT_RECIPIENTS: Record<Exclude<Agency, 'health'>, Role> = {
  migration: 'MIGRATION_OFFICER',
  labour: 'LABOUR_OFFICER',
  pensions: 'PENSION_OFFICER',
};

/** Roles that may introspect the schema (partners and anonymous callers may not). */
export const INTROSPECTION_ROLES: readonly Role[] = [
  'MIGRATION_OFFICER',
  'LABOUR_OFFICER',
  'HEALTH_OFFICER',
  'PENSION_OFFICER',
  'ANALYST',
  'AUDITOR',
];

export function purposeAllowed(roles: readonly string[], purpose: string): boolean {
  return roles.some((role) =>
    (ROLE_POLICY as Record<string, RolePolicy>)[role]?.purposes.includes(purpose as Purpose),
  );
}
