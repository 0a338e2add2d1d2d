import type {
  DataClassDeclaration,
  FederationReadsDeclaration,
  PurposePolicy,
  RolePolicy,
} from './declaration';
import type { DataClass, Purpose, Role } from './index';

/**
 * What the federation itself brings, whichever members join: the person's identity and home
 * region (every subgraph's `Person` carries them), the access log, the person register, the
 * indicators, and the roles that are no agency's: the analyst, the auditor, the data subject and
 * Jol's own services.
 */

export const dataClasses = {
  identity: { description: 'Names, birth date, sex' },
  residence: {
    description:
      'Home region: what region-scoped access and regional surveillance go by (other subgraphs ' +
      'require it to scope their fields)',
  },
  accessLog: { description: 'Who read a person, when and why' },
  register: {
    description:
      'Whether a PIN names a registered person, and their birth date: what a write about the ' +
      'person is checked against (no name, no region, nothing else)',
  },
} as const satisfies Record<string, DataClassDeclaration>;

/**
 * Kinds of aggregate data: counts and shares over groups, in which no person can be seen. They are
 * kept apart from the data classes, whose every class reveals persons, so that a role reading only
 * aggregates holds no person-level read anywhere (no `person(pin)` lookup, no `_entities` field).
 * Which fields return each class is declared with the members' measures (`defineMeasures`).
 */
export const aggregateClasses = {
  statistics: 'Cross-agency indicators, every cell of fewer than K persons suppressed',
} as const;

/**
 * The federation's purposes. SELF_SERVICE and AUDIT read, besides what is listed here, what every
 * member declares in its `federationReads` (see `memberReaders`).
 */
export const purposes = {
  STATISTICS: {
    why: 'Indicators only: no person-level class at all.',
    writes: [],
    reads: [],
    aggregates: ['statistics'],
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
    writes: [],
    reads: ['identity', 'residence', 'accessLog'],
  },
  WRITE_CHECK: {
    why:
      "Checking a write about a person the caller may not read (a partner's case): whether the " +
      'PIN is registered and the birth date its dates are checked against, nothing else.',
    reads: ['register'],
    writes: [],
  },
} as const satisfies Record<string, PurposePolicy>;

/** The federation's roles; DATA_SUBJECT and AUDITOR read more as members declare (`memberReaders`). */
export const roles = {
  ANALYST: { purposes: ['STATISTICS'], reads: [], aggregates: ['statistics'], writes: null },
  AUDITOR: { purposes: ['AUDIT'], reads: ['accessLog'], writes: null },
  DATA_SUBJECT: {
    purposes: ['SELF_SERVICE'],
    reads: ['identity', 'residence', 'accessLog'],
    writes: null,
    ownRecordOnly: true,
  },
  // Held by Jol's subgraphs alone (see service-identity.ts): whether a PIN is registered and the
  // person's birth date, asked before a write whose caller may not read persons (a partner).
  SUBJECT_DIRECTORY: { purposes: ['WRITE_CHECK'], reads: ['register'], writes: null },
} as const satisfies Record<string, RolePolicy>;

/**
 * Which role and purpose read (and, for the subject, write) what each member lists in its
 * `federationReads` under the same key.
 */
export const memberReaders = {
  subject: { role: 'DATA_SUBJECT', purpose: 'SELF_SERVICE' },
  auditor: { role: 'AUDITOR', purpose: 'AUDIT' },
} as const satisfies Record<
  Exclude<keyof FederationReadsDeclaration, 'subjectWrites'>,
  { role: Role; purpose: Purpose }
>;

/**
 * Roles that only Jol's own services hold, never a person or an institution: a token carrying one
 * is accepted only when signed with the services' key (see service-identity.ts), and an identity
 * provider's token that names one is refused.
 */
export const serviceRoles = ['SUBJECT_DIRECTORY'] as const satisfies readonly Role[];

/**
 * Fields every subgraph serves, or the kernel defines: the access log (each subgraph's own part,
 * `PersonAccessLog.<subgraph>`, is added for every member) and the person register.
 */
export const fieldClasses = {
  'Person.accessLog': 'accessLog',
  'Query.registeredSubject': 'register',
} as const satisfies Record<string, DataClass>;

/** Roles besides the members' that may introspect the schema (partners and anonymous may not). */
export const introspectionRoles = ['ANALYST', 'AUDITOR'] as const satisfies readonly Role[];
