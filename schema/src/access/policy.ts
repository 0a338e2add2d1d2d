import { isPurpose, isRole, type Purpose, type Role } from './roles';

/**
 * Jol's access policy, written once as data: the code's rules and the tests' expectations both
 * read these tables. Changing who may read what means changing this file, nowhere else.
 */

/** Kinds of person-level data; each field of the graph that reveals a person belongs to one. */
export const DATA_CLASSES = {
  identity: 'Names, birth date, sex',
  residence:
    'Home region: what region-scoped access and regional surveillance go by (other subgraphs ' +
    'require it to scope their fields)',
  migrationRecord: 'Migration status, Russian proficiency, entry bans, dependants left behind',
  childIdentity: 'PINs of dependants left behind (masked for others)',
  migrationEpisodes: 'Departures, destinations and returns',
  employmentSummary: 'Employment abroad: country, sector, dates',
  employmentDetail: 'Employer, formal contract, permits',
  labourServices: 'Reintegration enrolments, skills and certifications',
  health: 'Screenings, TB cases, health insurance, consents',
  healthCertificate: 'Fitness for work abroad (consent-gated outside health)',
  pensions: 'Insurance periods, contributions, service summary, pension entitlement',
  pensionExchange:
    'Exchange with partner pension institutions: cases, documents, periods sent and received, decisions',
  accessLog: 'Who read a person, when and why',
  register:
    'Whether a PIN names a registered person, and their birth date: what a write about the ' +
    'person is checked against (no name, no region, nothing else)',
} as const;
export type DataClass = keyof typeof DATA_CLASSES;

export type Agency = 'migration' | 'labour' | 'health' | 'pensions';

export interface RolePolicy {
  purposes: readonly Purpose[];
  /** Person-level data the role may read. */
  reads: readonly DataClass[];
  /** The agency whose data the role may write, if any. */
  writes: Agency | null;
  /** The role reads only the person named by the token's `pin` claim. */
  ownRecordOnly?: true;
  /** Aggregate data the role may read (see AGGREGATE_CLASSES); none when absent. */
  aggregates?: readonly AggregateClass[];
  /**
   * The role reads only persons who have an exchange case with the institution its token's
   * `partner` claim names (the subject's `partners`).
   */
  partnerCasesOnly?: true;
  /**
   * Data classes the role may write although it writes no agency's data: a partner institution's
   * exchange messages. Held to `partnerCasesOnly` like its reads.
   */
  submits?: readonly DataClass[];
}

export const ROLE_POLICY: Record<Role, RolePolicy> = {
  MIGRATION_OFFICER: {
    purposes: ['MIGRATION_REGISTRATION', 'RETURNEE_SUPPORT'],
    reads: [
      'identity',
      'residence',
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
      'residence',
      'migrationEpisodes',
      'employmentSummary',
      'employmentDetail',
      'labourServices',
    ],
    writes: 'labour',
  },
  HEALTH_OFFICER: {
    purposes: ['MEDICAL_CARE', 'PUBLIC_HEALTH'],
    reads: ['identity', 'residence', 'migrationEpisodes', 'health', 'healthCertificate'],
    writes: 'health',
  },
  PENSION_OFFICER: {
    purposes: ['PENSION_ASSESSMENT'],
    reads: [
      'identity',
      'residence',
      'migrationEpisodes',
      'employmentSummary',
      'pensions',
      'pensionExchange',
    ],
    writes: 'pensions',
  },
  ANALYST: { purposes: ['STATISTICS'], reads: [], aggregates: ['statistics'], writes: null },
  PARTNER: {
    purposes: ['PENSION_EXCHANGE'],
    reads: ['pensionExchange'],
    writes: null,
    submits: ['pensionExchange'],
    partnerCasesOnly: true,
  },
  AUDITOR: { purposes: ['AUDIT'], reads: ['accessLog'], writes: null },
  DATA_SUBJECT: {
    purposes: ['SELF_SERVICE'],
    reads: [
      'identity',
      'residence',
      'migrationRecord',
      'childIdentity',
      'migrationEpisodes',
      'employmentSummary',
      'employmentDetail',
      'labourServices',
      'health',
      'healthCertificate',
      'pensions',
      'pensionExchange',
      'accessLog',
    ],
    writes: null,
    ownRecordOnly: true,
  },
  // Held by Jol's subgraphs alone (see service-identity.ts): whether a PIN is registered and the
  // person's birth date, asked before a write whose caller may not read persons (a partner).
  SUBJECT_DIRECTORY: { purposes: ['WRITE_CHECK'], reads: ['register'], writes: null },
};

export interface PurposePolicy {
  /** Why the purpose needs these classes and no others: the reviewer's reason, kept beside it. */
  why: string;
  /** Person-level data the purpose needs; a role declaring it reads the intersection with its own. */
  reads: readonly DataClass[];
  /**
   * Person-level data the purpose may change: a writer declaring it writes only these classes of
   * its agency's data (see WRITE_CLASSES), and a submitting role only these of its submits.
   */
  writes: readonly DataClass[];
  /** Aggregate data the purpose needs; none when absent. */
  aggregates?: readonly AggregateClass[];
}

/**
 * What each purpose needs (data minimisation): a decision serves the intersection of the role's
 * classes and the declared purpose's, so declaring a narrower purpose reads less. The consent-gated
 * `healthCertificate` is listed for the purposes a person may consent to share it for (see
 * CONSENT_RECIPIENTS); a role outside health reads it only with such a consent.
 */
export const PURPOSE_POLICY: Record<Purpose, PurposePolicy> = {
  MIGRATION_REGISTRATION: {
    why: 'Registering persons, departures, returns, entry bans and the children left behind.',
    writes: ['identity', 'residence', 'migrationRecord', 'childIdentity', 'migrationEpisodes'],
    reads: [
      'identity',
      'residence',
      'migrationRecord',
      'childIdentity',
      'migrationEpisodes',
      'employmentSummary',
      'healthCertificate',
    ],
  },
  RETURNEE_SUPPORT: {
    why:
      'Helping a returnee back into work: who returned, from where, what they did abroad and the ' +
      "programmes they follow; not the employer, contract or permit (labour's casework) nor the " +
      "children's PINs. It records programmes and skills, not registrations or jobs abroad.",
    writes: ['labourServices'],
    reads: [
      'identity',
      'residence',
      'migrationRecord',
      'migrationEpisodes',
      'employmentSummary',
      'labourServices',
      'healthCertificate',
    ],
  },
  EMPLOYMENT_SERVICES: {
    why: 'Labour casework: jobs abroad with employer, contract and permit, skills, programmes.',
    writes: ['employmentDetail', 'labourServices'],
    reads: [
      'identity',
      'residence',
      'migrationEpisodes',
      'employmentSummary',
      'employmentDetail',
      'labourServices',
      'healthCertificate',
    ],
  },
  MEDICAL_CARE: {
    why: 'Treating a named patient: identity, travel history, health records and certificate.',
    writes: ['health'],
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
  PENSION_ASSESSMENT: {
    why: 'Assessing a pension: identity, periods abroad and employment, insurance, the exchange.',
    writes: ['pensions', 'pensionExchange'],
    reads: [
      'identity',
      'residence',
      'migrationEpisodes',
      'employmentSummary',
      'pensions',
      'pensionExchange',
      'healthCertificate',
    ],
  },
  STATISTICS: {
    why: 'Indicators only: no person-level class at all.',
    writes: [],
    reads: [],
    aggregates: ['statistics'],
  },
  PENSION_EXCHANGE: {
    why: 'A partner institution exchanges the documents of its own cases, nothing else.',
    writes: ['pensionExchange'],
    reads: ['pensionExchange'],
  },
  AUDIT: {
    why: 'Auditors read who accessed a person, never the data itself.',
    writes: [],
    reads: ['accessLog'],
  },
  SELF_SERVICE: {
    why:
      "A person's right of access: their own record in every agency, their exchange cases and who " +
      'read them; they grant and revoke their own health consents.',
    writes: ['health'],
    reads: [
      'identity',
      'residence',
      'migrationRecord',
      'childIdentity',
      'migrationEpisodes',
      'employmentSummary',
      'employmentDetail',
      'labourServices',
      'health',
      'healthCertificate',
      'pensions',
      'pensionExchange',
      'accessLog',
    ],
  },
  WRITE_CHECK: {
    why:
      "Checking a write about a person the caller may not read (a partner's case): whether the " +
      'PIN is registered and the birth date its dates are checked against, nothing else.',
    reads: ['register'],
    writes: [],
  },
};

/**
 * A role's policy for one declared purpose: its reads, aggregates and submits narrowed to what the
 * purpose needs; null when the role may not declare the purpose (or the role is unknown). Every
 * decision goes through this one narrowing.
 */
export function policyFor(role: string, purpose: string | null): RolePolicy | null {
  const policy = (ROLE_POLICY as Record<string, RolePolicy | undefined>)[role];
  if (!policy || purpose === null || !isPurpose(purpose) || !policy.purposes.includes(purpose))
    return null;
  const needed = PURPOSE_POLICY[purpose];
  const narrowed: RolePolicy = {
    ...policy,
    reads: policy.reads.filter((c) => needed.reads.includes(c)),
    aggregates: (policy.aggregates ?? []).filter((c) => needed.aggregates?.includes(c) ?? false),
  };
  if (policy.submits) narrowed.submits = policy.submits.filter((c) => needed.writes.includes(c));
  return narrowed;
}

/** Whether a declared purpose may change a class of data at all, whoever declares it. */
export function purposeWrites(purpose: string | null, dataClass: DataClass): boolean {
  return (
    purpose !== null && isPurpose(purpose) && PURPOSE_POLICY[purpose].writes.includes(dataClass)
  );
}

/**
 * Whether a declared purpose needs a class at all, whoever declares it: a person's consent lifts
 * a refusal of the health certificate only for a purpose that needs it.
 */
export function purposeNeeds(purpose: string | null, dataClass: DataClass): boolean {
  return (
    purpose !== null && isPurpose(purpose) && PURPOSE_POLICY[purpose].reads.includes(dataClass)
  );
}

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
  'Person.homeRegion': 'residence',
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
  'Person.pensionEntitlement': 'pensions',
  'Query.pensionExchangeCase': 'pensionExchange',
  'Query.pensionExchangeCases': 'pensionExchange',
  'Mutation.openPensionExchangeCase': 'pensionExchange',
  'Mutation.submitPensionExchangePeriods': 'pensionExchange',
  'Mutation.invalidatePensionExchangeDocument': 'pensionExchange',
  'Mutation.remindPensionExchangeDocument': 'pensionExchange',
  'Mutation.acknowledgePensionExchangeDocument': 'pensionExchange',
  // a search lists identity: decided by decideSearch under PERSON_SEARCH
  'Query.searchPersons': 'identity',
  // every agency
  'Person.accessLog': 'accessLog',
  'PersonAccessLog.migration': 'accessLog',
  'PersonAccessLog.labour': 'accessLog',
  'PersonAccessLog.health': 'accessLog',
  'PersonAccessLog.pensions': 'accessLog',
  // the person register, for Jol's own services
  'Query.registeredSubject': 'register',
};

/**
 * The data class every write of an agency's officers (and a person's own consents) changes, by
 * mutation coordinate: a write is allowed only under a purpose that `writes` its class. Exchange
 * messages a partner submits are classified in FIELD_CLASSES.
 */
export const WRITE_CLASSES: Record<string, DataClass> = {
  // migration
  'Mutation.registerPerson': 'identity',
  'Mutation.registerDeparture': 'migrationEpisodes',
  'Mutation.registerReturn': 'migrationEpisodes',
  'Mutation.correctMigrationEpisode': 'migrationEpisodes',
  'Mutation.voidMigrationEpisode': 'migrationEpisodes',
  'Mutation.recordEntryBan': 'migrationRecord',
  'Mutation.recordDependant': 'migrationRecord',
  // labour
  'Mutation.recordEmployment': 'employmentDetail',
  'Mutation.correctEmploymentRecord': 'employmentDetail',
  'Mutation.voidEmploymentRecord': 'employmentDetail',
  'Mutation.enrolInReintegration': 'labourServices',
  'Mutation.updateReintegrationStatus': 'labourServices',
  'Mutation.recordSkill': 'labourServices',
  // health
  'Mutation.recordScreening': 'health',
  'Mutation.correctHealthScreening': 'health',
  'Mutation.voidHealthScreening': 'health',
  'Mutation.recordTbCase': 'health',
  'Mutation.recordTbOutcome': 'health',
  'Mutation.updateTbTreatmentStatus': 'health',
  'Mutation.setHealthInsurance': 'health',
  'Mutation.grantHealthConsent': 'health',
  'Mutation.revokeHealthConsent': 'health',
  // pensions
  'Mutation.recordInsurancePeriod': 'pensions',
  'Mutation.correctInsurancePeriod': 'pensions',
  'Mutation.voidInsurancePeriod': 'pensions',
  'Mutation.recordContribution': 'pensions',
  'Mutation.correctPensionContribution': 'pensions',
  'Mutation.voidPensionContribution': 'pensions',
  'Mutation.recordPensionDecision': 'pensionExchange',
};

/** The class a write changes (WRITE_CLASSES); a write without one is a programming error. */
export function writeClassOf(coordinate: string): DataClass {
  const dataClass = WRITE_CLASSES[coordinate];
  if (!dataClass)
    throw new Error(
      `${coordinate} has no data class in WRITE_CLASSES (schema/src/access/policy.ts)`,
    );
  return dataClass;
}

/**
 * Arguments that select persons by a value, by input coordinate, with the data class of the value
 * they select by: a filter is a read of that class (`persons(filter: { status: ABROAD })` tells
 * every listed person's status), decided like reading the field. Arguments that select by a key the
 * caller already holds (a PIN, a case id) and paging arguments select by no person's data and are
 * not listed; aggregates (indicators) have their own policy.
 */
export const FILTER_CLASSES: Record<string, DataClass> = {
  // migration
  'PersonFilter.region': 'residence',
  'PersonFilter.status': 'migrationRecord',
  'PersonFilter.destination': 'migrationEpisodes',
  'PersonFilter.sex': 'identity',
  'PersonFilter.ageBand': 'identity',
};

/**
 * Finding a person without the PIN (`Query.searchPersons(name, birthDate, region)`): the roles
 * that may, what a search reads, and its bounds. A search tells the names, birth date and home
 * region of everyone it lists, so the searcher must read `reads` for the declared purpose and
 * reach any person (a token's `region` claim narrows the search to that region); a role limited
 * to its own record or its partner cases never searches. Each argument is a criterion of the class
 * named in SEARCH_ARGUMENT_CLASSES, all within `reads`. Every search is audited with its criteria,
 * and each person listed sees it in their access log.
 */
export const PERSON_SEARCH: {
  /** The field a search is made with, as audit events name it. */
  coordinate: string;
  roles: readonly Role[];
  reads: readonly DataClass[];
  /** A search matching more persons than this lists none and is refused as too broad. */
  maxResults: number;
} = {
  coordinate: 'Query.searchPersons',
  roles: ['MIGRATION_OFFICER', 'LABOUR_OFFICER', 'HEALTH_OFFICER', 'PENSION_OFFICER'],
  reads: ['identity', 'residence'],
  maxResults: 20,
};

/** The data class each argument of a search selects persons by. */
export const SEARCH_ARGUMENT_CLASSES: Record<string, DataClass> = {
  'Query.searchPersons(name:)': 'identity',
  'Query.searchPersons(birthDate:)': 'identity',
  'Query.searchPersons(region:)': 'residence',
};

/**
 * Kinds of aggregate data: counts and shares over groups, in which no person can be seen. They are
 * kept apart from DATA_CLASSES, whose every class reveals persons, so that a role reading only
 * aggregates holds no person-level read anywhere (no `person(pin)` lookup, no `_entities` field).
 * Which fields return each class is declared with the agency's measures (`defineMeasures`;
 * `aggregateFieldsOf` lists them all), so that the kernel names no agency's measure.
 */
export const AGGREGATE_CLASSES = {
  statistics: 'Cross-agency indicators, every cell of fewer than K persons suppressed',
} as const;
export type AggregateClass = keyof typeof AGGREGATE_CLASSES;

/**
 * The change events agency systems may subscribe to (webhooks): which agency emits each, and the
 * data class a subscriber must read, for its declared purpose, to hear of it. An event carries its
 * type, the record's id, the person's PIN and the time; the subscriber reads the rest through the
 * graph under its own rights. Subscribing is for agency systems that read any person (not the data
 * subject, not a partner, not a region-scoped officer): the PIN alone tells that a person of any
 * region returned or fell ill.
 */
export const CHANGE_EVENTS = {
  PERSON_RETURNED: {
    agency: 'migration',
    dataClass: 'migrationEpisodes',
    description: 'A stay abroad was closed: the person returned (registerReturn).',
  },
  TB_CASE_OPENED: {
    agency: 'health',
    dataClass: 'health',
    description:
      'A TB case was opened (recordTbCase); whether the person is a returnee is read from Person.episodes.',
  },
  HEALTH_CONSENT_GRANTED: {
    agency: 'health',
    dataClass: 'health',
    description: 'A person let another agency see their fitness certificate (grantHealthConsent).',
  },
  HEALTH_CONSENT_REVOKED: {
    agency: 'health',
    dataClass: 'health',
    description: 'A consent was withdrawn (revokeHealthConsent).',
  },
  PENSION_DECISION_RECORDED: {
    agency: 'pensions',
    dataClass: 'pensionExchange',
    description:
      'The Social Fund recorded a pension decision in an exchange case (recordPensionDecision).',
  },
  EXCHANGE_DOCUMENT_RECEIVED: {
    agency: 'pensions',
    dataClass: 'pensionExchange',
    description:
      'A partner institution submitted a document (submitPensionExchangePeriods), accepted or rejected.',
  },
} as const satisfies Record<string, { agency: Agency; dataClass: DataClass; description: string }>;
export type ChangeEventType = keyof typeof CHANGE_EVENTS;
export const CHANGE_EVENT_TYPES = Object.keys(CHANGE_EVENTS) as ChangeEventType[];

/** The events an agency emits, in the catalogue's order. */
export function changeEventsOf(agency: Agency): ChangeEventType[] {
  return CHANGE_EVENT_TYPES.filter((type) => CHANGE_EVENTS[type].agency === agency);
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

/**
 * The policy of a role named by a string; undefined for anything not a role, inherited property
 * names (`toString`) included, so a lookup never finds something that is not a policy.
 */
export function policyOf(role: string): RolePolicy | undefined {
  return isRole(role) ? ROLE_POLICY[role] : undefined;
}

export function purposeAllowed(roles: readonly string[], purpose: string): boolean {
  return roles.some((role) => policyOf(role)?.purposes.includes(purpose as Purpose) ?? false);
}
