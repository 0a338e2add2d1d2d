import { ROLES as ALL_ROLES, type DataClass, type Role } from '@jol/schema';
import {
  FILTER_CRITERIA,
  oracleClassOf,
  oraclePurposes,
  oracleReads,
  ROLE_ORACLE,
} from './policy-oracle';

/**
 * The policy matrix's test persons and callers, and the outcome the oracle (policy-oracle.ts)
 * predicts for each: nothing here reads the code's policy table.
 */

// ---------------------------------------------------------------------------------------------
// Test persons, callers and the outcome the oracle predicts.

export interface TestPerson {
  pin: string;
  homeRegion: string;
  /** Partner institutions with an exchange case for the person: none, this matrix opens none. */
  partners: readonly string[];
  childPin: string;
  /** Planted in free-text fields so that a leak is easy to spot by eye in a failure. */
  marker: string;
  permitNumber: string;
  name: { cyrillic: [string, string]; latin: [string, string]; sex: string; birthDate: string };
}

export const ALMAZ: TestPerson = {
  pin: '10503198812345',
  partners: [],
  homeRegion: 'KG-O',
  childPin: '10101201533333',
  marker: 'Marker-Osh',
  permitNumber: '16-OSH0001',
  name: {
    cyrillic: ['Осмонов', 'Алмаз'],
    latin: ['Osmonov', 'Almaz'],
    sex: 'MALE',
    birthDate: '1988-03-05',
  },
};
export const BERMET: TestPerson = {
  pin: '20712199054321',
  partners: [],
  homeRegion: 'KG-J',
  childPin: '20202201644444',
  marker: 'Marker-Jalal',
  permitNumber: '16-JAL0002',
  name: {
    cyrillic: ['Бекова', 'Бермет'],
    latin: ['Bekova', 'Bermet'],
    sex: 'FEMALE',
    birthDate: '1990-12-07',
  },
};
/** Registered and nothing else: the target of refused writes. */
export const CHYNARA = { pin: '11111198511111', homeRegion: 'KG-O' };
/** Never registered: the target of a refused registration. */
export const DASTAN_PIN = '12202199222222';
/** A person a partner exchanges with the Social Fund about (a case of the matrix's partner). */
export const EMIL = { pin: '20106197933333', homeRegion: 'KG-C', snils: '11223344595' };
/** A data subject none of whose data exists: may write nothing here (consents are per own PIN). */
export const STRANGER_PIN = '10101200011111';

export const ROLES = [...ALL_ROLES];
export const OFFICER_ROLES = ROLES.filter((role) => ROLE_ORACLE[role].writes !== null);

/** The first purpose the oracle lists for a role: its callers' default. */
export const firstPurpose = (role: Role): string => oraclePurposes(role)[0]!;

export interface MatrixCaller {
  label: string;
  role: Role;
  purpose: string;
  claims: { pin?: string; region?: string; partner?: string };
}

export function callerFor(
  role: Role,
  purpose: string,
  extra: MatrixCaller['claims'] = {},
): MatrixCaller {
  const claims: MatrixCaller['claims'] = { ...extra };
  // Roles limited to some persons carry the claim that names them: the person read, a partner.
  if (ROLE_ORACLE[role].reach === 'ownRecord' && !claims.pin) claims.pin = ALMAZ.pin;
  if (ROLE_ORACLE[role].reach === 'partnerCases' && !claims.partner) claims.partner = 'RU-SFR';
  const first = firstPurpose(role);
  const suffix = [
    purpose !== first ? `/${purpose}` : '',
    extra.region ? `@${extra.region}` : '',
    extra.pin && extra.pin !== ALMAZ.pin ? '(another pin)' : '',
  ].join('');
  return { label: `${role}${suffix}`, role, purpose, claims };
}

/**
 * Every role with its first purpose (the data subject as the person read), every other purpose
 * a role may declare, each own-record role with another PIN, and every officer scoped to the
 * person's region and to another one.
 */
export const CALLERS: MatrixCaller[] = [
  ...ROLES.map((role) => callerFor(role, firstPurpose(role))),
  ...ROLES.flatMap((role) =>
    oraclePurposes(role)
      .slice(1)
      .map((purpose) => callerFor(role, purpose)),
  ),
  ...ROLES.filter((role) => ROLE_ORACLE[role].reach === 'ownRecord').map((role) =>
    callerFor(role, firstPurpose(role), { pin: BERMET.pin }),
  ),
  ...OFFICER_ROLES.flatMap((role) =>
    [ALMAZ.homeRegion, BERMET.homeRegion].map((region) =>
      callerFor(role, firstPurpose(role), { region }),
    ),
  ),
];

/** The caller whose root-path outcomes stand for its role's row of the oracle. */
export const callerForRow = (role: Role) => CALLERS.find((k) => k.role === role)!;

/**
 * One caller per role and purpose, with no region and its own claims: their root-path outcomes
 * stand for the oracle's rows (role x purpose x class).
 */
export const ROW_CALLERS = CALLERS.filter(
  (k) => !k.claims.region && !(k.claims.pin !== undefined && k.claims.pin !== ALMAZ.pin),
);

/** Consents planted for ALMAZ: recipient agency, purpose, still active. */
export const CONSENTS: { recipient: string; purpose: string; active: boolean }[] = [
  { recipient: 'LABOUR', purpose: 'EMPLOYMENT_SERVICES', active: true },
  { recipient: 'MIGRATION', purpose: 'RETURNEE_SUPPORT', active: false },
];

export type Outcome = 'ALLOWED' | 'FORBIDDEN' | 'CONSENT_REQUIRED';
export interface Subject {
  pin: string;
  homeRegion: string;
  /** Partner institutions with an exchange case for the person. */
  partners: readonly string[];
}

/** The classes the oracle lets the caller read for its declared purpose; null: not its purpose. */
export const readsOf = (caller: MatrixCaller) => oracleReads(caller.role, caller.purpose);

/**
 * Whether a role limited to some persons (own record, partner cases) reaches the subject; null
 * when the role reaches every person (then the region claim limits it).
 */
export function limitedReach(caller: MatrixCaller, subject: Subject): boolean | null {
  const { reach } = ROLE_ORACLE[caller.role];
  if (reach === 'anyone') return null;
  if (reach === 'ownRecord') return caller.claims.pin === subject.pin;
  return caller.claims.partner !== undefined && subject.partners.includes(caller.claims.partner);
}

export const outsideRegion = (caller: MatrixCaller, subject: Subject) =>
  caller.claims.region !== undefined &&
  caller.claims.region !== subject.homeRegion &&
  caller.claims.pin !== subject.pin;

/** The data class whose refusal outside its readers can be lifted by the person's consent. */
export const CONSENT_GATED_CLASS: DataClass = 'healthCertificate';

/** What the oracle says about one class of one person for a caller. */
export function expectedRead(
  caller: MatrixCaller,
  dataClass: DataClass,
  subject: Subject,
): Outcome {
  const reads = readsOf(caller);
  if (!reads) return 'FORBIDDEN';
  if (!reads.includes(dataClass)) {
    const agency = ROLE_ORACLE[caller.role].consentAgency;
    if (dataClass !== CONSENT_GATED_CLASS || !agency) return 'FORBIDDEN';
    if (outsideRegion(caller, subject)) return 'FORBIDDEN';
    const consented =
      subject.pin === ALMAZ.pin &&
      CONSENTS.some(
        (c) => c.active && c.recipient.toLowerCase() === agency && c.purpose === caller.purpose,
      );
    return consented ? 'ALLOWED' : 'CONSENT_REQUIRED';
  }
  const reach = limitedReach(caller, subject);
  if (reach === false) return 'FORBIDDEN';
  if (reach === null && outsideRegion(caller, subject)) return 'FORBIDDEN';
  return 'ALLOWED';
}

/** `person(pin)`: some person-level read for the purpose, and the person in reach. */
export function expectedLookup(caller: MatrixCaller, subject: Subject): Outcome {
  if ((readsOf(caller) ?? []).length === 0) return 'FORBIDDEN';
  const reach = limitedReach(caller, subject);
  if (reach === false) return 'FORBIDDEN';
  if (reach === null && outsideRegion(caller, subject)) return 'FORBIDDEN';
  return 'ALLOWED';
}

/** `persons(filter: { region })`: roles reading anyone's identity, and only their own region. */
export function expectedList(caller: MatrixCaller, region: string | undefined): Outcome {
  if (!(readsOf(caller) ?? []).includes('identity')) return 'FORBIDDEN';
  if (ROLE_ORACLE[caller.role].reach !== 'anyone') return 'FORBIDDEN';
  if (caller.claims.region !== undefined && region !== undefined && caller.claims.region !== region)
    return 'FORBIDDEN';
  return 'ALLOWED';
}

/**
 * A list selected by one criterion: a list the caller may have, and a criterion of a class it
 * reads for the purpose; a criterion naming a region (the `Region` scalar) must name the caller's.
 */
export function expectedFilter(
  caller: MatrixCaller,
  criterion: string,
  regionValue: string | undefined,
): Outcome {
  const dataClass = FILTER_CRITERIA[criterion];
  if (expectedList(caller, regionValue) !== 'ALLOWED') return 'FORBIDDEN';
  if (!dataClass || !(readsOf(caller) ?? []).includes(dataClass)) return 'FORBIDDEN';
  return 'ALLOWED';
}

export function expectedField(caller: MatrixCaller, coordinate: string, subject: Subject): Outcome {
  const dataClass = oracleClassOf(coordinate);
  return dataClass ? expectedRead(caller, dataClass, subject) : 'ALLOWED';
}

/** Roles the oracle lets make a mutation. */
export function writersOf(mutation: string): Role[] {
  return ROLES.filter((role) => ROLE_ORACLE[role].mutations.includes(mutation));
}

/**
 * A root query field the oracle classifies: refused to a role without the class for its purpose,
 * let through to a role reading every person's; a role limited to some persons (or a region)
 * depends on whom the answer concerns, which a generated query cannot know.
 */
export function expectedRoot(caller: MatrixCaller, dataClass: DataClass): Outcome | 'UNKNOWN' {
  if (!(readsOf(caller) ?? []).includes(dataClass)) return 'FORBIDDEN';
  if (ROLE_ORACLE[caller.role].reach !== 'anyone' || caller.claims.region) return 'UNKNOWN';
  return 'ALLOWED';
}
