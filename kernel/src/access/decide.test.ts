import { GraphQLError } from 'graphql';
import type { Caller, JolContext } from '../context';
import { DEFAULT_WEBHOOK_SETTINGS } from '../change-events/webhook-settings';
import { createLogger } from '../logger';
import {
  decideAggregate,
  decideConsentedRead,
  decideFilter,
  decideHomeRegions,
  decideInstitutionActive,
  decideList,
  decideOwnerOrSubjectWrite,
  decideRegionAsked,
  eventsHeardBy,
  ownerOrSubjectRoleOf,
  recordRefusedOperation,
  recordListed,
  recordRevision,
  recordSearchResults,
  decidePartnerInbox,
  decideSubscribe,
  decideSubscriptionManager,
  decideLookup,
  decideOffice,
  decideRead,
  decideSearch,
  decideSubmit,
  decideWrite,
  mayRead,
  officeScopeOf,
  partnerScopeOf,
  regionScopeOf,
  subscriberOf,
  subscriptionEntitled,
  type Subject,
} from './decide';
import {
  CHANGE_EVENTS,
  PERSON_SEARCH,
  ROLE_POLICY,
  type Agency,
  type ChangeEventType,
  type DataClass,
  type RolePolicy,
} from '@jol/schema';
import { policyFor, purposeNeeds } from './policy';
import { unconfiguredSubjectDirectory } from './subject-directory';
import { unconfiguredPersonRegister } from './person-register';
import { createAccessTrail } from './trail';

/**
 * The access kernel's decisions, one table per function. Every expected outcome is written out
 * by hand from the policy as the issue states it, never computed from ROLE_POLICY: a change to the
 * table that changes a decision fails here until the row is changed too.
 */

type Outcome =
  | 'ALLOWED'
  | 'FORBIDDEN'
  | 'OUTSIDE_REGION'
  | 'NO_PURPOSE'
  | 'UNAUTHENTICATED'
  | 'CONSENT_REQUIRED';

const log = createLogger('decide-test', 'silent');

/** A request's context as the access rules see it: who calls, with which purpose. */
function contextOf(caller: Caller | null, purpose: string | null): JolContext {
  return {
    requestId: 'decide-test',
    log,
    loaders: {},
    models: {},
    caller,
    purpose,
    access: createAccessTrail(),
    directory: unconfiguredSubjectDirectory,
    webhooks: DEFAULT_WEBHOOK_SETTINGS,
    register: unconfiguredPersonRegister,
    callerRequestId: null,
  };
}

/** A caller with the given roles and claims. */
const as = (roles: string | string[], claims: Partial<Caller> = {}): Caller => ({
  sub: 'decide-test',
  roles: Array.isArray(roles) ? roles : [roles],
  ...claims,
});

/** Names a decision's result the way the rows do: `true` or an error, nothing else. */
function outcomeOf(result: unknown): Outcome {
  if (result === true) return 'ALLOWED';
  if (!(result instanceof GraphQLError))
    throw new Error(`a decision is true or a GraphQLError; got ${String(result)}`);
  if (result.extensions.code === 'UNAUTHENTICATED') return 'UNAUTHENTICATED';
  if (result.extensions.code === 'CONSENT_REQUIRED') return 'CONSENT_REQUIRED';
  if (result.message.startsWith('Outside your region')) return 'OUTSIDE_REGION';
  if (result.message.startsWith('An X-Purpose header')) return 'NO_PURPOSE';
  expect(result.extensions.code).toBe('FORBIDDEN');
  return 'FORBIDDEN';
}

const OSH: Subject = { pin: '10503198812345', homeRegion: 'KG-O' };
const JALAL_ABAD: Subject = { pin: '20712199054321', homeRegion: 'KG-J' };
const NO_REGION: Subject = { pin: '11111198511111' };
const RU_CASE: Subject = { pin: '20106197933333', partners: ['RU-SFR'] };
const KZ_CASE: Subject = { pin: '20106197933333', partners: ['KZ-ENPF'] };
const NOT_LOOKED: Subject = { pin: '20106197933333' };

const MIGRATION = as('MIGRATION_OFFICER');
const MIGRATION_OSH = as('MIGRATION_OFFICER', { region: 'KG-O' });
const LABOUR = as('LABOUR_OFFICER');
const HEALTH = as('HEALTH_OFFICER');
const PENSION = as('PENSION_OFFICER');
const ANALYST = as('ANALYST');
const AUDITOR = as('AUDITOR');
const SUBJECT_OSH = as('DATA_SUBJECT', { pin: OSH.pin! });
const SUBJECT_NO_PIN = as('DATA_SUBJECT');
const PARTNER_RU = as('PARTNER', { partner: 'RU-SFR' });
const PARTNER_NO_CLAIM = as('PARTNER');
/** A person whose record carries no PIN: nobody's own record, whoever has no `pin` claim. */
const NO_PIN_OSH: Subject = { homeRegion: 'KG-O' };
const NO_PIN_JALAL_ABAD: Subject = { homeRegion: 'KG-J' };
/** OSH's own exchange case with another institution than PARTNER_RU's. */
const OSH_KZ_CASE: Subject = { ...OSH, partners: ['KZ-ENPF'] };
/** A partner whose token also carries a PIN (OSH's): a partner's reach is its cases, not a PIN. */
const PARTNER_RU_WITH_PIN = as('PARTNER', { partner: 'RU-SFR', pin: OSH.pin! });
/** A person whose token also names an institution: a data subject's reach is its own PIN only. */
const SUBJECT_OSH_WITH_PARTNER = as('DATA_SUBJECT', { pin: OSH.pin!, partner: 'RU-SFR' });
/** An officer of Chui who is also a person (OSH): its PIN reaches OSH alone, not everyone. */
const MIGRATION_CHUI_AS_OSH = as('MIGRATION_OFFICER', { region: 'KG-C', pin: OSH.pin! });
/** Both an officer and a data subject: which role acts is the purpose's choice. */
const OFFICER_AND_SUBJECT = as(['DATA_SUBJECT', 'MIGRATION_OFFICER'], { pin: OSH.pin! });

/**
 * Reach and region rows that every person-level decision shares (decideRead, decideLookup, and
 * mayRead without the region), with the class read.
 */
const REACH_ROWS: [string, Caller, string, DataClass, Subject, Outcome][] = [
  [
    "partner: a PIN claim is no reach (OSH's case of another institution)",
    PARTNER_RU_WITH_PIN,
    'PENSION_EXCHANGE',
    'pensionExchange',
    OSH_KZ_CASE,
    'FORBIDDEN',
  ],
  [
    "data subject: a partner claim is no reach (another person's case of that institution)",
    SUBJECT_OSH_WITH_PARTNER,
    'SELF_SERVICE',
    'pensionExchange',
    RU_CASE,
    'FORBIDDEN',
  ],
  [
    'data subject without a pin claim: a record without a PIN is not theirs',
    SUBJECT_NO_PIN,
    'SELF_SERVICE',
    'identity',
    NO_PIN_OSH,
    'FORBIDDEN',
  ],
  [
    'partner without a claim: a case list without institutions',
    PARTNER_NO_CLAIM,
    'PENSION_EXCHANGE',
    'pensionExchange',
    { pin: RU_CASE.pin, partners: [] },
    'FORBIDDEN',
  ],
  [
    'officer and subject, for self-service: another person',
    OFFICER_AND_SUBJECT,
    'SELF_SERVICE',
    'identity',
    JALAL_ABAD,
    'FORBIDDEN',
  ],
  [
    'officer and subject, for self-service: their own record',
    OFFICER_AND_SUBJECT,
    'SELF_SERVICE',
    'identity',
    OSH,
    'ALLOWED',
  ],
  [
    'officer and subject, for registration: another person',
    OFFICER_AND_SUBJECT,
    'MIGRATION_REGISTRATION',
    'identity',
    JALAL_ABAD,
    'ALLOWED',
  ],
];

/** Region rows of decideRead and decideLookup: a region-scoped officer's reach. */
const REGION_ROWS: [string, Caller, string, DataClass, Subject, Outcome][] = [
  [
    'region: a record without a PIN, of the region',
    MIGRATION_OSH,
    'MIGRATION_REGISTRATION',
    'identity',
    NO_PIN_OSH,
    'ALLOWED',
  ],
  [
    'region: a record without a PIN, of another region (an officer without a pin claim)',
    MIGRATION_OSH,
    'MIGRATION_REGISTRATION',
    'identity',
    NO_PIN_JALAL_ABAD,
    'OUTSIDE_REGION',
  ],
  [
    'region: an officer with a pin claim, another person of another region',
    MIGRATION_CHUI_AS_OSH,
    'MIGRATION_REGISTRATION',
    'identity',
    JALAL_ABAD,
    'OUTSIDE_REGION',
  ],
  // Region scope limits grants that reach anyone; a partner's reach is its cases wherever they are.
  [
    'region: a partner with a region claim, its case in another region',
    as('PARTNER', { partner: 'RU-SFR', region: 'KG-O' }),
    'PENSION_EXCHANGE',
    'pensionExchange',
    { ...RU_CASE, homeRegion: 'KG-J' },
    'ALLOWED',
  ],
  [
    'region: an officer with a pin claim, itself in another region',
    MIGRATION_CHUI_AS_OSH,
    'MIGRATION_REGISTRATION',
    'identity',
    OSH,
    'ALLOWED',
  ],
];

describe('decideRead: role, purpose, class and reach', () => {
  it.each<[string, Caller | null, string | null, DataClass, Subject, Outcome]>([
    ['anonymous', null, 'MIGRATION_REGISTRATION', 'identity', OSH, 'UNAUTHENTICATED'],
    ['no purpose', MIGRATION, null, 'identity', OSH, 'NO_PURPOSE'],
    ['migration: identity', MIGRATION, 'MIGRATION_REGISTRATION', 'identity', OSH, 'ALLOWED'],
    ['migration: status', MIGRATION, 'MIGRATION_REGISTRATION', 'migrationRecord', OSH, 'ALLOWED'],
    [
      "migration: children's PINs for registration",
      MIGRATION,
      'MIGRATION_REGISTRATION',
      'childIdentity',
      OSH,
      'ALLOWED',
    ],
    [
      "migration: no children's PINs for returnee support",
      MIGRATION,
      'RETURNEE_SUPPORT',
      'childIdentity',
      OSH,
      'FORBIDDEN',
    ],
    [
      'migration: status for returnee support',
      MIGRATION,
      'RETURNEE_SUPPORT',
      'migrationRecord',
      OSH,
      'ALLOWED',
    ],
    ['migration: no health', MIGRATION, 'MIGRATION_REGISTRATION', 'health', OSH, 'FORBIDDEN'],
    ['migration: a purpose not its own', MIGRATION, 'MEDICAL_CARE', 'identity', OSH, 'FORBIDDEN'],
    ['migration: an unknown purpose', MIGRATION, 'GOSSIP', 'identity', OSH, 'FORBIDDEN'],
    [
      'labour: employer for employment services',
      LABOUR,
      'EMPLOYMENT_SERVICES',
      'employmentDetail',
      OSH,
      'ALLOWED',
    ],
    [
      'labour: no employer for returnee support',
      LABOUR,
      'RETURNEE_SUPPORT',
      'employmentDetail',
      OSH,
      'FORBIDDEN',
    ],
    [
      'labour: employment summary for returnee support',
      LABOUR,
      'RETURNEE_SUPPORT',
      'employmentSummary',
      OSH,
      'ALLOWED',
    ],
    [
      'labour: programmes for returnee support',
      LABOUR,
      'RETURNEE_SUPPORT',
      'labourServices',
      OSH,
      'ALLOWED',
    ],
    ['labour: no status', LABOUR, 'EMPLOYMENT_SERVICES', 'migrationRecord', OSH, 'FORBIDDEN'],
    ['health: names for medical care', HEALTH, 'MEDICAL_CARE', 'identity', OSH, 'ALLOWED'],
    ['health: no names for public health', HEALTH, 'PUBLIC_HEALTH', 'identity', OSH, 'FORBIDDEN'],
    ['health: records for public health', HEALTH, 'PUBLIC_HEALTH', 'health', OSH, 'ALLOWED'],
    ['health: home region for public health', HEALTH, 'PUBLIC_HEALTH', 'residence', OSH, 'ALLOWED'],
    ['auditor: no home region', AUDITOR, 'AUDIT', 'residence', OSH, 'FORBIDDEN'],
    [
      'health: travel for public health',
      HEALTH,
      'PUBLIC_HEALTH',
      'migrationEpisodes',
      OSH,
      'ALLOWED',
    ],
    [
      'health: no certificate for public health',
      HEALTH,
      'PUBLIC_HEALTH',
      'healthCertificate',
      OSH,
      'FORBIDDEN',
    ],
    ['pensions: periods', PENSION, 'PENSION_ASSESSMENT', 'pensions', OSH, 'ALLOWED'],
    ['pensions: no status', PENSION, 'PENSION_ASSESSMENT', 'migrationRecord', OSH, 'FORBIDDEN'],
    ['analyst: no person data', ANALYST, 'STATISTICS', 'identity', OSH, 'FORBIDDEN'],
    ['auditor: the access log', AUDITOR, 'AUDIT', 'accessLog', OSH, 'ALLOWED'],
    ['auditor: no identity', AUDITOR, 'AUDIT', 'identity', OSH, 'FORBIDDEN'],
    ['data subject: own health', SUBJECT_OSH, 'SELF_SERVICE', 'health', OSH, 'ALLOWED'],
    [
      "data subject: another person's identity",
      SUBJECT_OSH,
      'SELF_SERVICE',
      'identity',
      JALAL_ABAD,
      'FORBIDDEN',
    ],
    ['data subject: no pin claim', SUBJECT_NO_PIN, 'SELF_SERVICE', 'identity', OSH, 'FORBIDDEN'],
    [
      'data subject: their own exchange cases',
      SUBJECT_OSH,
      'SELF_SERVICE',
      'pensionExchange',
      OSH,
      'ALLOWED',
    ],
    [
      'partner: its own case',
      PARTNER_RU,
      'PENSION_EXCHANGE',
      'pensionExchange',
      RU_CASE,
      'ALLOWED',
    ],
    [
      "partner: another institution's case",
      PARTNER_RU,
      'PENSION_EXCHANGE',
      'pensionExchange',
      KZ_CASE,
      'FORBIDDEN',
    ],
    [
      'partner: cases not looked up',
      PARTNER_RU,
      'PENSION_EXCHANGE',
      'pensionExchange',
      NOT_LOOKED,
      'FORBIDDEN',
    ],
    [
      'partner: no partner claim',
      PARTNER_NO_CLAIM,
      'PENSION_EXCHANGE',
      'pensionExchange',
      RU_CASE,
      'FORBIDDEN',
    ],
    [
      'partner: no insurance periods, even of its case',
      PARTNER_RU,
      'PENSION_EXCHANGE',
      'pensions',
      RU_CASE,
      'FORBIDDEN',
    ],
    [
      'region: a person of the region',
      MIGRATION_OSH,
      'MIGRATION_REGISTRATION',
      'identity',
      OSH,
      'ALLOWED',
    ],
    [
      'region: a person of another region',
      MIGRATION_OSH,
      'MIGRATION_REGISTRATION',
      'identity',
      JALAL_ABAD,
      'OUTSIDE_REGION',
    ],
    [
      'region: a person whose region is not known here',
      MIGRATION_OSH,
      'MIGRATION_REGISTRATION',
      'identity',
      NO_REGION,
      'OUTSIDE_REGION',
    ],
    [
      'region: the officer as the person, in another region',
      as('MIGRATION_OFFICER', { region: 'KG-J', pin: OSH.pin! }),
      'MIGRATION_REGISTRATION',
      'identity',
      OSH,
      'ALLOWED',
    ],
    [
      'two roles: the one granting the class for the purpose',
      as(['ANALYST', 'HEALTH_OFFICER']),
      'MEDICAL_CARE',
      'health',
      OSH,
      'ALLOWED',
    ],
    ['an unknown role', as('JANITOR'), 'MIGRATION_REGISTRATION', 'identity', OSH, 'FORBIDDEN'],
    ...REACH_ROWS,
    ...REGION_ROWS,
  ])('%s', (_case, caller, purpose, dataClass, subject, expected) => {
    const context = contextOf(caller, purpose);
    expect(outcomeOf(decideRead(context, 'Person.test', dataClass, subject))).toBe(expected);
    const { served, refused, pins } = context.access.summary();
    expect({ served, refused }).toEqual(
      expected === 'ALLOWED'
        ? { served: ['Person.test'], refused: [] }
        : { served: [], refused: ['Person.test'] },
    );
    if (caller) expect(pins).toEqual(subject.pin ? [subject.pin] : []);
  });
});

describe('decideLookup: some person-level class for the purpose, and the person in reach', () => {
  it.each<[string, Caller | null, string | null, Subject, Outcome]>([
    ['anonymous', null, 'MIGRATION_REGISTRATION', OSH, 'UNAUTHENTICATED'],
    ['no purpose', MIGRATION, null, OSH, 'NO_PURPOSE'],
    ['migration', MIGRATION, 'MIGRATION_REGISTRATION', OSH, 'ALLOWED'],
    ['health for public health', HEALTH, 'PUBLIC_HEALTH', OSH, 'ALLOWED'],
    ['analyst: aggregates only', ANALYST, 'STATISTICS', OSH, 'FORBIDDEN'],
    ['auditor', AUDITOR, 'AUDIT', OSH, 'ALLOWED'],
    ['a purpose not its own', LABOUR, 'PENSION_ASSESSMENT', OSH, 'FORBIDDEN'],
    ['region: the region', MIGRATION_OSH, 'MIGRATION_REGISTRATION', OSH, 'ALLOWED'],
    [
      'region: another region',
      MIGRATION_OSH,
      'MIGRATION_REGISTRATION',
      JALAL_ABAD,
      'OUTSIDE_REGION',
    ],
    [
      'region: labour in another region',
      as('LABOUR_OFFICER', { region: 'KG-J' }),
      'EMPLOYMENT_SERVICES',
      OSH,
      'OUTSIDE_REGION',
    ],
    // The same answer as another region's person, so a regional officer cannot tell who exists.
    [
      'region: an unknown person',
      MIGRATION_OSH,
      'MIGRATION_REGISTRATION',
      NO_REGION,
      'OUTSIDE_REGION',
    ],
    [
      'region: the officer as the person',
      as('MIGRATION_OFFICER', { region: 'KG-J', pin: OSH.pin! }),
      'MIGRATION_REGISTRATION',
      OSH,
      'ALLOWED',
    ],
    ['data subject: own', SUBJECT_OSH, 'SELF_SERVICE', OSH, 'ALLOWED'],
    ['data subject: another', SUBJECT_OSH, 'SELF_SERVICE', JALAL_ABAD, 'FORBIDDEN'],
    ['partner: its case', PARTNER_RU, 'PENSION_EXCHANGE', RU_CASE, 'ALLOWED'],
    ['partner: another case', PARTNER_RU, 'PENSION_EXCHANGE', KZ_CASE, 'FORBIDDEN'],
    ...[...REACH_ROWS, ...REGION_ROWS].map(
      ([name, caller, purpose, , subject, outcome]) =>
        [name, caller, purpose, subject, outcome] as [string, Caller, string, Subject, Outcome],
    ),
  ])('%s', (_case, caller, purpose, subject, expected) => {
    const context = contextOf(caller, purpose);
    expect(outcomeOf(decideLookup(context, 'Query.person', subject))).toBe(expected);
    const { served, refused } = context.access.summary();
    expect({ served, refused }).toEqual(
      expected === 'ALLOWED'
        ? { served: ['Query.person'], refused: [] }
        : { served: [], refused: ['Query.person'] },
    );
  });
});

describe('decideList: officers reading identity for the purpose, limited to their region', () => {
  it.each<[string, Caller | null, string | null, Outcome | { region: string | null }]>([
    ['anonymous', null, 'MIGRATION_REGISTRATION', 'UNAUTHENTICATED'],
    ['no purpose', MIGRATION, null, 'NO_PURPOSE'],
    ['migration', MIGRATION, 'MIGRATION_REGISTRATION', { region: null }],
    ['migration of a region', MIGRATION_OSH, 'RETURNEE_SUPPORT', { region: 'KG-O' }],
    ['labour', LABOUR, 'RETURNEE_SUPPORT', { region: null }],
    ['health for medical care', HEALTH, 'MEDICAL_CARE', { region: null }],
    ['health for public health: no identity', HEALTH, 'PUBLIC_HEALTH', 'FORBIDDEN'],
    ['pensions', PENSION, 'PENSION_ASSESSMENT', { region: null }],
    ['analyst', ANALYST, 'STATISTICS', 'FORBIDDEN'],
    ['auditor', AUDITOR, 'AUDIT', 'FORBIDDEN'],
    ['data subject', SUBJECT_OSH, 'SELF_SERVICE', 'FORBIDDEN'],
    ['partner', PARTNER_RU, 'PENSION_EXCHANGE', 'FORBIDDEN'],
  ])('%s', (_case, caller, purpose, expected) => {
    const context = contextOf(caller, purpose);
    const result = decideList(context, 'Query.persons');
    if (typeof expected === 'string') expect(outcomeOf(result)).toBe(expected);
    else expect(result).toEqual(expected);
    expect(context.access.summary()).toMatchObject(
      typeof expected === 'string'
        ? { served: [], refused: ['Query.persons'] }
        : { served: ['Query.persons'], refused: [] },
    );
  });
});

describe('decideFilter: every criterion is a read of the class it selects by', () => {
  it.each<[string, Caller, string, Record<string, unknown> | null, Outcome, string | null]>([
    ['no filter', LABOUR, 'EMPLOYMENT_SERVICES', null, 'ALLOWED', null],
    [
      'migration by status',
      MIGRATION,
      'MIGRATION_REGISTRATION',
      { status: 'ABROAD' },
      'ALLOWED',
      null,
    ],
    [
      'labour by status',
      LABOUR,
      'EMPLOYMENT_SERVICES',
      { status: 'ABROAD' },
      'FORBIDDEN',
      'PersonFilter.status',
    ],
    [
      'health by status, among others',
      HEALTH,
      'MEDICAL_CARE',
      { region: 'KG-O', status: 'ABROAD' },
      'FORBIDDEN',
      'PersonFilter.status',
    ],
    [
      'labour by region, sex, age and destination',
      LABOUR,
      'EMPLOYMENT_SERVICES',
      { region: 'KG-O', sex: 'MALE', ageBand: 'AGE_30_44', destination: 'RU' },
      'ALLOWED',
      null,
    ],
    [
      'labour with an empty status',
      LABOUR,
      'EMPLOYMENT_SERVICES',
      { status: null },
      'ALLOWED',
      null,
    ],
    [
      'labour with a status left out, beside a region',
      LABOUR,
      'EMPLOYMENT_SERVICES',
      { status: undefined, region: 'KG-O' },
      'ALLOWED',
      null,
    ],
    [
      'public health by destination',
      HEALTH,
      'PUBLIC_HEALTH',
      { destination: 'RU' },
      'ALLOWED',
      null,
    ],
    ['public health by region', HEALTH, 'PUBLIC_HEALTH', { region: 'KG-O' }, 'ALLOWED', null],
    [
      'public health by sex',
      HEALTH,
      'PUBLIC_HEALTH',
      { sex: 'FEMALE' },
      'FORBIDDEN',
      'PersonFilter.sex',
    ],
    [
      'a purpose not its own',
      LABOUR,
      'MIGRATION_REGISTRATION',
      { region: 'KG-O' },
      'FORBIDDEN',
      'PersonFilter.region',
    ],
  ])('%s', (_case, caller, purpose, filter, expected, named) => {
    const context = contextOf(caller, purpose);
    const result = decideFilter(context, 'PersonFilter', filter);
    expect(outcomeOf(result)).toBe(expected);
    if (named) expect((result as GraphQLError).message).toContain(named);
    if (named) expect(context.access.summary().refused).toEqual([named]);
    // Every criterion given is served; one without a value is no criterion.
    if (!named)
      expect(context.access.summary().served).toEqual(
        Object.entries(filter ?? {})
          .filter(([, value]) => value !== null && value !== undefined)
          .map(([field]) => `PersonFilter.${field}`)
          .sort(),
      );
  });

  it('throws for a criterion the table does not classify (a programming error, not a refusal)', () => {
    expect(() =>
      decideFilter(contextOf(MIGRATION, 'MIGRATION_REGISTRATION'), 'PersonFilter', { shoe: 42 }),
    ).toThrow('PersonFilter.shoe has no data class in FILTER_CLASSES');
  });
});

describe('decideWrite: officers of the owning agency, for a purpose that changes the class', () => {
  /** A write of each agency's data, by the class it changes (WRITE_CLASSES). */
  const WRITE: Record<Agency, string> = {
    migration: 'Mutation.registerDeparture',
    labour: 'Mutation.recordSkill',
    health: 'Mutation.recordScreening',
    pensions: 'Mutation.recordInsurancePeriod',
    consular: 'Mutation.openAssistanceCase',
  };
  const CONSULAR: Caller = { sub: 'c', roles: ['CONSULAR_OFFICER'] };
  it.each<[string, Caller | null, string | null, Agency, string, Outcome]>([
    [
      'consular: a case, assisting citizens',
      CONSULAR,
      'CONSULAR_ASSISTANCE',
      'consular',
      WRITE.consular,
      'ALLOWED',
    ],
    [
      'consular: registering citizens opens no case',
      CONSULAR,
      'CONSULAR_REGISTRATION',
      'consular',
      WRITE.consular,
      'FORBIDDEN',
    ],
    [
      'consular: not its agency',
      CONSULAR,
      'CONSULAR_ASSISTANCE',
      'health',
      WRITE.health,
      'FORBIDDEN',
    ],
    ['anonymous', null, 'MIGRATION_REGISTRATION', 'migration', WRITE.migration, 'UNAUTHENTICATED'],
    ['no purpose', MIGRATION, null, 'migration', WRITE.migration, 'NO_PURPOSE'],
    [
      'migration: its agency',
      MIGRATION,
      'MIGRATION_REGISTRATION',
      'migration',
      WRITE.migration,
      'ALLOWED',
    ],
    [
      'migration: returnee support registers nothing',
      MIGRATION,
      'RETURNEE_SUPPORT',
      'migration',
      WRITE.migration,
      'FORBIDDEN',
    ],
    [
      'migration: labour data',
      MIGRATION,
      'MIGRATION_REGISTRATION',
      'labour',
      WRITE.labour,
      'FORBIDDEN',
    ],
    ['labour', LABOUR, 'EMPLOYMENT_SERVICES', 'labour', WRITE.labour, 'ALLOWED'],
    [
      'labour: returnee support enrols and records skills',
      LABOUR,
      'RETURNEE_SUPPORT',
      'labour',
      WRITE.labour,
      'ALLOWED',
    ],
    [
      'labour: returnee support records no job abroad',
      LABOUR,
      'RETURNEE_SUPPORT',
      'labour',
      'Mutation.recordEmployment',
      'FORBIDDEN',
    ],
    [
      'labour: employment services records jobs abroad',
      LABOUR,
      'EMPLOYMENT_SERVICES',
      'labour',
      'Mutation.recordEmployment',
      'ALLOWED',
    ],
    ['health for public health', HEALTH, 'PUBLIC_HEALTH', 'health', WRITE.health, 'ALLOWED'],
    ['pensions', PENSION, 'PENSION_ASSESSMENT', 'pensions', WRITE.pensions, 'ALLOWED'],
    [
      'pensions for a purpose not its own',
      PENSION,
      'MEDICAL_CARE',
      'pensions',
      WRITE.pensions,
      'FORBIDDEN',
    ],
    ['analyst', ANALYST, 'STATISTICS', 'migration', WRITE.migration, 'FORBIDDEN'],
    ['data subject', SUBJECT_OSH, 'SELF_SERVICE', 'health', WRITE.health, 'FORBIDDEN'],
    ['partner', PARTNER_RU, 'PENSION_EXCHANGE', 'pensions', WRITE.pensions, 'FORBIDDEN'],
    ['auditor', AUDITOR, 'AUDIT', 'pensions', WRITE.pensions, 'FORBIDDEN'],
  ])('%s', (_case, caller, purpose, agency, coordinate, expected) => {
    const context = contextOf(caller, purpose);
    expect(outcomeOf(decideWrite(context, coordinate, agency, OSH.pin!))).toBe(expected);
  });

  it('treats a write the policy does not classify as a programming error', () => {
    expect(() =>
      decideWrite(
        contextOf(MIGRATION, 'MIGRATION_REGISTRATION'),
        'Mutation.test',
        'migration',
        OSH.pin!,
      ),
    ).toThrow('Mutation.test has no data class in WRITE_CLASSES');
  });
});

describe('decideSubmit: a partner, for its purpose, about a case of its own', () => {
  it.each<[string, Caller | null, string | null, DataClass, Subject, Outcome]>([
    ['anonymous', null, 'PENSION_EXCHANGE', 'pensionExchange', RU_CASE, 'UNAUTHENTICATED'],
    ['its case', PARTNER_RU, 'PENSION_EXCHANGE', 'pensionExchange', RU_CASE, 'ALLOWED'],
    ['opening a case', PARTNER_RU, 'PENSION_EXCHANGE', 'pensionExchange', NOT_LOOKED, 'ALLOWED'],
    [
      "another institution's case",
      PARTNER_RU,
      'PENSION_EXCHANGE',
      'pensionExchange',
      KZ_CASE,
      'FORBIDDEN',
    ],
    [
      'no partner claim',
      PARTNER_NO_CLAIM,
      'PENSION_EXCHANGE',
      'pensionExchange',
      NOT_LOOKED,
      'FORBIDDEN',
    ],
    ['another class', PARTNER_RU, 'PENSION_EXCHANGE', 'pensions', RU_CASE, 'FORBIDDEN'],
    [
      'a purpose not its own',
      PARTNER_RU,
      'PENSION_ASSESSMENT',
      'pensionExchange',
      RU_CASE,
      'FORBIDDEN',
    ],
    [
      'a pension officer submits nothing',
      PENSION,
      'PENSION_ASSESSMENT',
      'pensionExchange',
      RU_CASE,
      'FORBIDDEN',
    ],
  ])('%s', (_case, caller, purpose, dataClass, subject, expected) => {
    const context = contextOf(caller, purpose);
    expect(outcomeOf(decideSubmit(context, 'Mutation.test', dataClass, subject))).toBe(expected);
  });
});

describe('decideAggregate: roles whose purpose needs the aggregate class', () => {
  it.each<[string, Caller | null, string | null, Outcome]>([
    ['anonymous', null, 'STATISTICS', 'UNAUTHENTICATED'],
    ['analyst without purpose', ANALYST, null, 'NO_PURPOSE'],
    ['analyst', ANALYST, 'STATISTICS', 'ALLOWED'],
    [
      'analyst of a region: aggregates name nobody',
      as('ANALYST', { region: 'KG-O' }),
      'STATISTICS',
      'ALLOWED',
    ],
    ['migration', MIGRATION, 'MIGRATION_REGISTRATION', 'FORBIDDEN'],
    ['migration declaring statistics', MIGRATION, 'STATISTICS', 'FORBIDDEN'],
    ['data subject', SUBJECT_OSH, 'SELF_SERVICE', 'FORBIDDEN'],
  ])('%s', (_case, caller, purpose, expected) => {
    const context = contextOf(caller, purpose);
    expect(outcomeOf(decideAggregate(context, 'Query.indicators', 'statistics'))).toBe(expected);
    expect(context.access.summary()).toMatchObject(
      expected === 'ALLOWED'
        ? { served: ['Query.indicators'], refused: [], pins: [] }
        : { served: [], refused: ['Query.indicators'], pins: [] },
    );
  });

  it('records the request key beside the coordinate, when one is given', () => {
    const keyed = contextOf(ANALYST, 'STATISTICS');
    expect(decideAggregate(keyed, 'Query.indicators', 'statistics', 'by=region')).toBe(true);
    expect(keyed.access.summary().served).toEqual(['Indicators(by=region)', 'Query.indicators']);
    const refused = contextOf(MIGRATION, 'MIGRATION_REGISTRATION');
    decideAggregate(refused, 'Query.indicators', 'statistics', 'by=region');
    expect(refused.access.summary()).toMatchObject({ served: [], refused: ['Query.indicators'] });
  });
});

describe('mayRead: the judgement of decideRead for masks (no region limit: the field rule has one)', () => {
  it.each<[string, Caller | null, string | null, DataClass, Subject, boolean]>([
    ['anonymous', null, 'MIGRATION_REGISTRATION', 'childIdentity', OSH, false],
    ['no purpose', MIGRATION, null, 'childIdentity', OSH, false],
    ['migration for registration', MIGRATION, 'MIGRATION_REGISTRATION', 'childIdentity', OSH, true],
    ['migration for returnee support', MIGRATION, 'RETURNEE_SUPPORT', 'childIdentity', OSH, false],
    ['labour', LABOUR, 'EMPLOYMENT_SERVICES', 'childIdentity', OSH, false],
    [
      'migration of another region',
      MIGRATION_OSH,
      'MIGRATION_REGISTRATION',
      'childIdentity',
      JALAL_ABAD,
      true,
    ],
    ['data subject: own', SUBJECT_OSH, 'SELF_SERVICE', 'childIdentity', OSH, true],
    ['data subject: another', SUBJECT_OSH, 'SELF_SERVICE', 'childIdentity', JALAL_ABAD, false],
    ['partner: its case', PARTNER_RU, 'PENSION_EXCHANGE', 'pensionExchange', RU_CASE, true],
    ['partner: another case', PARTNER_RU, 'PENSION_EXCHANGE', 'pensionExchange', KZ_CASE, false],
    [
      'health: certificate for medical care',
      HEALTH,
      'MEDICAL_CARE',
      'healthCertificate',
      OSH,
      true,
    ],
    [
      'health: certificate for public health',
      HEALTH,
      'PUBLIC_HEALTH',
      'healthCertificate',
      OSH,
      false,
    ],
    ...REACH_ROWS.map(
      ([name, caller, purpose, dataClass, subject, outcome]) =>
        [name, caller, purpose, dataClass, subject, outcome === 'ALLOWED'] as [
          string,
          Caller,
          string,
          DataClass,
          Subject,
          boolean,
        ],
    ),
  ])('%s', (_case, caller, purpose, dataClass, subject, expected) => {
    const context = contextOf(caller, purpose);
    expect(mayRead(context, dataClass, subject)).toBe(expected);
    // A mask's judgement records nothing: the field's own rule does.
    expect(context.access.summary()).toMatchObject({ served: [], refused: [], pins: [] });
  });
});

describe('partnerScopeOf: the institution a list of cases is limited to', () => {
  it.each<[string, Caller | null, string | null, string | null]>([
    ['a pension officer: every case', PENSION, 'PENSION_ASSESSMENT', null],
    ['a pension officer for another purpose: none', PENSION, 'MEDICAL_CARE', ''],
    ['a partner: its own', PARTNER_RU, 'PENSION_EXCHANGE', 'RU-SFR'],
    ['a partner without a claim: none', PARTNER_NO_CLAIM, 'PENSION_EXCHANGE', ''],
    ['a migration officer: none', MIGRATION, 'MIGRATION_REGISTRATION', ''],
    ['anonymous: none', null, 'PENSION_ASSESSMENT', ''],
  ])('%s', (_case, caller, purpose, expected) => {
    expect(partnerScopeOf(contextOf(caller, purpose), 'pensionExchange')).toBe(expected);
  });
});

describe('regionScopeOf', () => {
  it.each<[string, Caller | null, string | null]>([
    ['an officer of a region', MIGRATION_OSH, 'KG-O'],
    ['an officer of every region', MIGRATION, null],
    ['anonymous', null, null],
  ])('%s', (_case, caller, expected) => {
    expect(regionScopeOf(contextOf(caller, 'MIGRATION_REGISTRATION'))).toBe(expected);
  });
});

describe('decideOffice and officeScopeOf: a token naming an office reaches its records only', () => {
  const atMoscow: Caller = { sub: 'o', roles: ['MIGRATION_OFFICER'], office: 'RU_MOSCOW' };
  const everywhere: Caller = { sub: 'o', roles: ['MIGRATION_OFFICER'] };
  it.each<[string, Caller, string | null, 'ALLOWED' | 'FORBIDDEN']>([
    ['a record of its own office', atMoscow, 'RU_MOSCOW', 'ALLOWED'],
    ["another office's record", atMoscow, 'KZ_ALMATY', 'FORBIDDEN'],
    ['a record id naming nothing, refused alike', atMoscow, null, 'FORBIDDEN'],
    ['any record, for a caller of no office', everywhere, 'KZ_ALMATY', 'ALLOWED'],
    [
      'a missing record, left to the resolver, for a caller of no office',
      everywhere,
      null,
      'ALLOWED',
    ],
  ])('%s: %s', (_case, caller, held, expected) => {
    const context = contextOf(caller, 'MIGRATION_REGISTRATION');
    const result = decideOffice(context, 'Mutation.x', '10101199000001', held);
    expect(outcomeOf(result)).toBe(expected);
    if (expected === 'FORBIDDEN') {
      expect((result as GraphQLError).message).toBe('Outside your office: Mutation.x');
      expect(context.access.summary().refused).toEqual(['Mutation.x']);
    }
  });
  it.each<[string, Caller | null, string | null]>([
    ['an officer of an office', atMoscow, 'RU_MOSCOW'],
    ['an officer of every office', everywhere, null],
    ['anonymous', null, null],
  ])('scopes %s', (_case, caller, expected) => {
    expect(officeScopeOf(contextOf(caller, 'MIGRATION_REGISTRATION'))).toBe(expected);
  });
});

describe('policyFor: a role narrowed to a purpose', () => {
  it.each<[string, string, string | null, ReturnType<typeof policyFor>]>([
    [
      'labour for returnee support',
      'LABOUR_OFFICER',
      'RETURNEE_SUPPORT',
      {
        purposes: ['EMPLOYMENT_SERVICES', 'RETURNEE_SUPPORT'],
        reads: [
          'identity',
          'residence',
          'migrationEpisodes',
          'employmentSummary',
          'labourServices',
        ],
        aggregates: [],
        writes: 'labour',
      },
    ],
    [
      'health for public health',
      'HEALTH_OFFICER',
      'PUBLIC_HEALTH',
      {
        purposes: ['MEDICAL_CARE', 'PUBLIC_HEALTH'],
        reads: ['residence', 'migrationEpisodes', 'health'],
        aggregates: [],
        writes: 'health',
      },
    ],
    [
      'a partner for the exchange',
      'PARTNER',
      'PENSION_EXCHANGE',
      {
        purposes: ['PENSION_EXCHANGE'],
        reads: ['pensionExchange'],
        aggregates: [],
        writes: null,
        submits: ['pensionExchange'],
        partnerCasesOnly: true,
      },
    ],
    [
      'an analyst for statistics',
      'ANALYST',
      'STATISTICS',
      { purposes: ['STATISTICS'], reads: [], aggregates: ['statistics'], writes: null },
    ],
    ['a purpose not its own', 'ANALYST', 'MEDICAL_CARE', null],
    ['no purpose', 'ANALYST', null, null],
    ['an unknown purpose', 'ANALYST', 'GOSSIP', null],
    ['an unknown role', 'JANITOR', 'STATISTICS', null],
  ])('%s', (_case, role, purpose, expected) => {
    expect(policyFor(role, purpose)).toEqual(expected);
  });
});

describe('purposeNeeds: what a purpose needs, whoever declares it', () => {
  it.each<[string | null, DataClass, boolean]>([
    ['EMPLOYMENT_SERVICES', 'healthCertificate', true],
    ['RETURNEE_SUPPORT', 'healthCertificate', true],
    ['PUBLIC_HEALTH', 'healthCertificate', false],
    ['PUBLIC_HEALTH', 'identity', false],
    ['STATISTICS', 'identity', false],
    ['AUDIT', 'accessLog', true],
    ['GOSSIP', 'identity', false],
    [null, 'identity', false],
  ])('%s needs %s: %s', (purpose, dataClass, expected) => {
    expect(purposeNeeds(purpose, dataClass)).toBe(expected);
  });
});

describe('decideSubscribe: events whose class the role reads for the purpose, any person, no region', () => {
  it.each<[string, Caller | null, string | null, ChangeEventType[], Outcome]>([
    ['anonymous', null, 'RETURNEE_SUPPORT', ['PERSON_RETURNED'], 'UNAUTHENTICATED'],
    ['no purpose', LABOUR, null, ['PERSON_RETURNED'], 'NO_PURPOSE'],
    [
      'labour: returns for returnee support',
      LABOUR,
      'RETURNEE_SUPPORT',
      ['PERSON_RETURNED'],
      'ALLOWED',
    ],
    [
      'labour: returns for employment services',
      LABOUR,
      'EMPLOYMENT_SERVICES',
      ['PERSON_RETURNED'],
      'ALLOWED',
    ],
    ['labour: no TB cases', LABOUR, 'RETURNEE_SUPPORT', ['TB_CASE_OPENED'], 'FORBIDDEN'],
    [
      'labour: one forbidden event refuses all',
      LABOUR,
      'RETURNEE_SUPPORT',
      ['PERSON_RETURNED', 'TB_CASE_OPENED'],
      'FORBIDDEN',
    ],
    ['health: returns for public health', HEALTH, 'PUBLIC_HEALTH', ['PERSON_RETURNED'], 'ALLOWED'],
    ['health: TB cases for public health', HEALTH, 'PUBLIC_HEALTH', ['TB_CASE_OPENED'], 'ALLOWED'],
    [
      'health: consents for medical care',
      HEALTH,
      'MEDICAL_CARE',
      ['HEALTH_CONSENT_REVOKED'],
      'ALLOWED',
    ],
    [
      'health: no pension decisions',
      HEALTH,
      'MEDICAL_CARE',
      ['PENSION_DECISION_RECORDED'],
      'FORBIDDEN',
    ],
    [
      'pensions: decisions',
      PENSION,
      'PENSION_ASSESSMENT',
      ['PENSION_DECISION_RECORDED'],
      'ALLOWED',
    ],
    [
      'pensions: documents received',
      PENSION,
      'PENSION_ASSESSMENT',
      ['EXCHANGE_DOCUMENT_RECEIVED'],
      'ALLOWED',
    ],
    [
      'pensions: no consents',
      PENSION,
      'PENSION_ASSESSMENT',
      ['HEALTH_CONSENT_GRANTED'],
      'FORBIDDEN',
    ],
    ['migration: returns', MIGRATION, 'MIGRATION_REGISTRATION', ['PERSON_RETURNED'], 'ALLOWED'],
    [
      'migration: a purpose not its own',
      MIGRATION,
      'MEDICAL_CARE',
      ['PERSON_RETURNED'],
      'FORBIDDEN',
    ],
    [
      'region-scoped officer',
      MIGRATION_OSH,
      'MIGRATION_REGISTRATION',
      ['PERSON_RETURNED'],
      'FORBIDDEN',
    ],
    [
      'data subject: only their own record',
      SUBJECT_OSH,
      'SELF_SERVICE',
      ['PERSON_RETURNED'],
      'FORBIDDEN',
    ],
    [
      'partner: only its own cases',
      PARTNER_RU,
      'PENSION_EXCHANGE',
      ['PENSION_DECISION_RECORDED'],
      'FORBIDDEN',
    ],
    ['analyst', ANALYST, 'STATISTICS', ['PERSON_RETURNED'], 'FORBIDDEN'],
    ['auditor', AUDITOR, 'AUDIT', ['PERSON_RETURNED'], 'FORBIDDEN'],
    // No event asked for is a bad input the resolver names, for a caller who may hear of some.
    ['labour: no event asked for', LABOUR, 'RETURNEE_SUPPORT', [], 'ALLOWED'],
    ['analyst: no event asked for', ANALYST, 'STATISTICS', [], 'FORBIDDEN'],
  ])('%s', (_name, caller, purpose, events, expected) => {
    const context = contextOf(caller, purpose);
    expect(outcomeOf(decideSubscribe(context, 'Mutation.subscribe', events))).toBe(expected);
    expect(context.access.summary().wrote).toBe(expected === 'ALLOWED');
    if (expected !== 'ALLOWED')
      expect(context.access.summary().refused).toEqual(['Mutation.subscribe']);
  });
});

describe('subscriptionEntitled: the same judgement again at every delivery', () => {
  it.each<[string, string[], string, string | null, ChangeEventType, boolean]>([
    ['labour, returns', ['LABOUR_OFFICER'], 'RETURNEE_SUPPORT', null, 'PERSON_RETURNED', true],
    ['labour, TB cases', ['LABOUR_OFFICER'], 'RETURNEE_SUPPORT', null, 'TB_CASE_OPENED', false],
    ['a region', ['LABOUR_OFFICER'], 'RETURNEE_SUPPORT', 'KG-O', 'PERSON_RETURNED', false],
    ['a purpose the role lost', ['LABOUR_OFFICER'], 'MEDICAL_CARE', null, 'PERSON_RETURNED', false],
    ['a role that is no more', ['COURIER'], 'RETURNEE_SUPPORT', null, 'PERSON_RETURNED', false],
  ])('%s', (_name, roles, purpose, region, event, expected) => {
    expect(subscriptionEntitled({ roles, purpose, region }, event)).toBe(expected);
  });

  it('hears of no event the register no longer declares, instead of failing', () => {
    const gone = 'PERSON_VANISHED' as ChangeEventType;
    const holder = { roles: ['LABOUR_OFFICER'], purpose: 'RETURNEE_SUPPORT', region: null };
    expect(subscriptionEntitled(holder, gone)).toBe(false);
    expect(eventsHeardBy(contextOf(LABOUR, 'RETURNEE_SUPPORT'), [gone, 'PERSON_RETURNED'])).toEqual(
      ['PERSON_RETURNED'],
    );
    expect(
      outcomeOf(decideSubscribe(contextOf(LABOUR, 'RETURNEE_SUPPORT'), 'Mutation.x', [gone])),
    ).toBe('FORBIDDEN');
  });
});

describe("decideSubscriptionManager: callers who may subscribe to one of the agency's events", () => {
  it.each<[string, Caller | null, string | null, Outcome]>([
    ['labour, returns', LABOUR, 'RETURNEE_SUPPORT', 'ALLOWED'],
    ['analyst', ANALYST, 'STATISTICS', 'FORBIDDEN'],
    ['data subject', SUBJECT_OSH, 'SELF_SERVICE', 'FORBIDDEN'],
    ['region-scoped', MIGRATION_OSH, 'MIGRATION_REGISTRATION', 'FORBIDDEN'],
    ['anonymous', null, 'RETURNEE_SUPPORT', 'UNAUTHENTICATED'],
  ])('%s', (_name, caller, purpose, expected) => {
    const context = contextOf(caller, purpose);
    const decided = decideSubscriptionManager(context, 'Query.x', ['PERSON_RETURNED'], 'read');
    expect(outcomeOf(decided)).toBe(expected);
  });

  it("lets a caller who may hear of one of the agency's events manage, not only of all", () => {
    const events: ChangeEventType[] = ['PERSON_RETURNED', 'TB_CASE_OPENED'];
    const context = contextOf(LABOUR, 'RETURNEE_SUPPORT');
    expect(decideSubscriptionManager(context, 'Query.x', events, 'read')).toBe(true);
  });

  it('tells a region-scoped caller why, subscribing or managing', () => {
    const subscribe = decideSubscribe(
      contextOf(MIGRATION_OSH, 'MIGRATION_REGISTRATION'),
      'Mutation.subscribe',
      ['PERSON_RETURNED'],
    );
    const manage = decideSubscriptionManager(
      contextOf(MIGRATION_OSH, 'MIGRATION_REGISTRATION'),
      'Query.x',
      ['PERSON_RETURNED'],
      'read',
    );
    expect([(subscribe as GraphQLError).message, (manage as GraphQLError).message]).toEqual([
      'Region-scoped callers may not subscribe to events: Mutation.subscribe',
      'Region-scoped callers may not subscribe to events: Query.x',
    ]);
  });

  it('refuses an office-scoped caller, subscribing or managing, and shows it no delivery', () => {
    // An event names persons of every consulate's records.
    const atAlmaty: Caller = { sub: 'post', roles: ['LABOUR_OFFICER'], office: 'KZ_ALMATY' };
    const subscribe = decideSubscribe(contextOf(atAlmaty, 'RETURNEE_SUPPORT'), 'Mutation.s', [
      'PERSON_RETURNED',
    ]);
    const manage = decideSubscriptionManager(
      contextOf(atAlmaty, 'RETURNEE_SUPPORT'),
      'Query.x',
      ['PERSON_RETURNED'],
      'write',
    );
    expect([(subscribe as GraphQLError).message, (manage as GraphQLError).message]).toEqual([
      'Office-scoped callers may not subscribe to events: Mutation.s',
      'Office-scoped callers may not subscribe to events: Query.x',
    ]);
    expect(eventsHeardBy(contextOf(atAlmaty, 'RETURNEE_SUPPORT'), ['PERSON_RETURNED'])).toEqual([]);
  });

  it('records a read as served and a change as a write', () => {
    const read = contextOf(LABOUR, 'RETURNEE_SUPPORT');
    decideSubscriptionManager(read, 'Query.x', ['PERSON_RETURNED'], 'read');
    expect(read.access.summary()).toMatchObject({ served: ['Query.x'], wrote: false });
    const write = contextOf(LABOUR, 'RETURNEE_SUPPORT');
    decideSubscriptionManager(write, 'Mutation.x', ['PERSON_RETURNED'], 'write');
    expect(write.access.summary()).toMatchObject({ served: ['Mutation.x'], wrote: true });
  });

  it("narrows to the caller's own subscriptions", () => {
    expect(subscriberOf(contextOf(as('LABOUR_OFFICER', { sub: 'labour-system' }), null))).toBe(
      'labour-system',
    );
    expect(subscriberOf(contextOf(null, null))).toBe('');
  });
});

describe('eventsHeardBy: the deliveries a caller is shown, by the events it hears of now', () => {
  const EVENTS: ChangeEventType[] = ['PERSON_RETURNED', 'TB_CASE_OPENED', 'HEALTH_CONSENT_GRANTED'];
  it.each<[string, Caller | null, string | null, ChangeEventType[]]>([
    ['labour: returns, no TB cases', LABOUR, 'RETURNEE_SUPPORT', ['PERSON_RETURNED']],
    ['health for public health: all three', HEALTH, 'PUBLIC_HEALTH', EVENTS],
    ['health, a purpose not its own', HEALTH, 'RETURNEE_SUPPORT', []],
    ['no purpose', HEALTH, null, []],
    ['region-scoped', MIGRATION_OSH, 'MIGRATION_REGISTRATION', []],
    ['the data subject', SUBJECT_OSH, 'SELF_SERVICE', []],
    ['anonymous', null, 'RETURNEE_SUPPORT', []],
  ])('%s', (_name, caller, purpose, expected) => {
    expect(eventsHeardBy(contextOf(caller, purpose), EVENTS)).toEqual(expected);
  });

  it("follows each event's class: a purpose that does not read one does not hear of it", () => {
    const consent = CHANGE_EVENTS.HEALTH_CONSENT_GRANTED as { dataClass: string };
    const declared = consent.dataClass;
    consent.dataClass = 'healthCertificate';
    try {
      expect(eventsHeardBy(contextOf(HEALTH, 'PUBLIC_HEALTH'), EVENTS)).toEqual([
        'PERSON_RETURNED',
        'TB_CASE_OPENED',
      ]);
      expect(eventsHeardBy(contextOf(HEALTH, 'MEDICAL_CARE'), EVENTS)).toEqual(EVENTS);
    } finally {
      consent.dataClass = declared;
    }
  });
});

describe("decidePartnerInbox: a partner institution's own inbox", () => {
  it.each<[string, Caller | null, string | null, Outcome | string]>([
    ['a partner', PARTNER_RU, 'PENSION_EXCHANGE', 'RU-SFR'],
    ['a partner without its claim', PARTNER_NO_CLAIM, 'PENSION_EXCHANGE', 'FORBIDDEN'],
    ['a pension officer', PENSION, 'PENSION_ASSESSMENT', 'FORBIDDEN'],
    ['the data subject', SUBJECT_OSH, 'SELF_SERVICE', 'FORBIDDEN'],
    ['no purpose', PARTNER_RU, null, 'NO_PURPOSE'],
  ])('%s', (_name, caller, purpose, expected) => {
    const decided = decidePartnerInbox(contextOf(caller, purpose), 'Query.inbox');
    expect(decided instanceof GraphQLError ? outcomeOf(decided) : decided.partner).toBe(expected);
  });
});

describe('decideSearch: finding persons by name', () => {
  const asked = { name: 'Asanova Aisuluu', birthDate: '1990-03-05', region: null };

  it.each<[string, string, Partial<Caller>, string | null]>([
    ['MIGRATION_OFFICER', 'MIGRATION_REGISTRATION', {}, null],
    ['MIGRATION_OFFICER', 'RETURNEE_SUPPORT', {}, null],
    ['LABOUR_OFFICER', 'EMPLOYMENT_SERVICES', {}, null],
    ['LABOUR_OFFICER', 'RETURNEE_SUPPORT', {}, null],
    ['HEALTH_OFFICER', 'MEDICAL_CARE', {}, null],
    ['PENSION_OFFICER', 'PENSION_ASSESSMENT', {}, null],
    ['LABOUR_OFFICER', 'EMPLOYMENT_SERVICES', { region: 'KG-J' }, 'KG-J'],
  ])('lets a %s on %s search (region %s)', (role, purpose, claims, region) => {
    const context = contextOf(as(role, claims), purpose);
    expect(decideSearch(context, 'Query.searchPersons', asked)).toEqual({ region });
    expect(context.access.summary().searches).toEqual([asked]);
  });

  it.each<[string, string | null, Partial<Caller>]>([
    ['HEALTH_OFFICER', 'PUBLIC_HEALTH', {}],
    ['ANALYST', 'STATISTICS', {}],
    ['AUDITOR', 'AUDIT', {}],
    ['PARTNER', 'PENSION_EXCHANGE', { partner: 'RU-SFR' }],
    ['DATA_SUBJECT', 'SELF_SERVICE', { pin: '20503199012345' }],
    ['MIGRATION_OFFICER', null, {}],
    ['MIGRATION_OFFICER', 'MEDICAL_CARE', {}],
  ])('refuses a %s on %s, recording what was asked', (role, purpose, claims) => {
    const context = contextOf(as(role, claims), purpose);
    const decision = decideSearch(context, 'Query.searchPersons', asked);
    expect(decision).toBeInstanceOf(GraphQLError);
    expect((decision as GraphQLError).extensions.code).toBe('FORBIDDEN');
    expect(context.access.summary()).toMatchObject({
      refused: ['Query.searchPersons'],
      searches: [asked],
    });
  });

  it('refuses a region-scoped officer a search of another region', () => {
    const context = contextOf(as('MIGRATION_OFFICER', { region: 'KG-J' }), 'RETURNEE_SUPPORT');
    const decision = decideSearch(context, 'Query.searchPersons', { ...asked, region: 'KG-O' });
    expect((decision as GraphQLError).message).toContain('Outside your region');
  });

  it('keeps a criterion of 100 characters whole and clips one of 101, each criterion apart', () => {
    const context = contextOf(as('MIGRATION_OFFICER'), 'RETURNEE_SUPPORT');
    const hundred = 'A'.repeat(100);
    decideSearch(context, 'Query.searchPersons', {
      name: hundred,
      birthDate: `${hundred}B`,
      region: `${hundred}C`,
    });
    expect(context.access.summary().searches).toEqual([
      { name: hundred, birthDate: `${hundred}…`, region: `${hundred}…` },
    ]);
  });

  it('records the region a search asked for, refused or not', () => {
    const context = contextOf(as('MIGRATION_OFFICER', { region: 'KG-J' }), 'RETURNEE_SUPPORT');
    decideSearch(context, 'Query.searchPersons', { ...asked, region: 'KG-O' });
    expect(context.access.summary().searches).toEqual([{ ...asked, region: 'KG-O' }]);
  });

  it('clips a huge criterion before the audit keeps it', () => {
    const context = contextOf(as('MIGRATION_OFFICER'), 'RETURNEE_SUPPORT');
    decideSearch(context, 'Query.searchPersons', { ...asked, name: 'A'.repeat(10_000) });
    expect(context.access.summary().searches[0]!.name).toHaveLength(101);
  });
});

/**
 * Several roles granting one decision: no role of the table shares a purpose with a role of
 * another reach, so two made-up roles are added to the table for these tests alone. A grant that
 * reaches any person wins over a limited one for reads; limited grants reach the union of what
 * each reaches; a partner-limited grant holds a submission to the partner's cases whatever else
 * grants it.
 */
describe('a caller holding several roles that grant the same decision', () => {
  const EXTRA: Record<string, RolePolicy> = {
    // Reads and submits exchange cases of every institution.
    EXCHANGE_DESK: {
      purposes: ['PENSION_EXCHANGE'],
      reads: ['pensionExchange'],
      writes: null,
      submits: ['pensionExchange'],
    },
    // Reads, for self-service, the persons with a case of its `partner` claim's institution.
    CASE_CLERK: {
      purposes: ['SELF_SERVICE'],
      reads: ['pensionExchange', 'identity', 'residence'],
      writes: null,
      partnerCasesOnly: true,
    },
  };
  const table = ROLE_POLICY as Record<string, RolePolicy>;
  // Roles of limited reach among those that may search: the reach itself must refuse them.
  const searchers = PERSON_SEARCH.roles as string[];
  const LIMITED_SEARCHERS = ['CASE_CLERK', 'DATA_SUBJECT'];
  beforeAll(() => {
    Object.assign(table, EXTRA);
    searchers.push(...LIMITED_SEARCHERS);
  });
  afterAll(() => {
    for (const role of Object.keys(EXTRA)) delete table[role];
    searchers.splice(searchers.length - LIMITED_SEARCHERS.length);
  });

  const PARTNER_AND_DESK = as(['PARTNER', 'EXCHANGE_DESK'], { partner: 'RU-SFR' });
  const DESK_AND_PARTNER = as(['EXCHANGE_DESK', 'PARTNER'], { partner: 'RU-SFR' });
  const DESK_OF_OSH = as(['EXCHANGE_DESK'], { region: 'KG-O' });
  const SUBJECT_AND_CLERK = as(['DATA_SUBJECT', 'CASE_CLERK'], {
    pin: OSH.pin!,
    partner: 'RU-SFR',
  });
  const OSH_NO_CASE: Subject = { ...OSH, partners: [] };

  it.each<[string, Caller, string, Subject, Outcome]>([
    [
      'partner and desk: a case of another institution',
      PARTNER_AND_DESK,
      'PENSION_EXCHANGE',
      KZ_CASE,
      'ALLOWED',
    ],
    [
      'desk and partner: a case of another institution',
      DESK_AND_PARTNER,
      'PENSION_EXCHANGE',
      KZ_CASE,
      'ALLOWED',
    ],
    [
      'partner and desk: cases not looked up',
      PARTNER_AND_DESK,
      'PENSION_EXCHANGE',
      NOT_LOOKED,
      'ALLOWED',
    ],
    [
      'a desk of a region: a person of another region',
      DESK_OF_OSH,
      'PENSION_EXCHANGE',
      { ...KZ_CASE, homeRegion: 'KG-J' },
      'OUTSIDE_REGION',
    ],
    [
      'subject and clerk: their own record, no case',
      SUBJECT_AND_CLERK,
      'SELF_SERVICE',
      OSH_NO_CASE,
      'ALLOWED',
    ],
    [
      "subject and clerk: another person's case of the clerk's institution",
      SUBJECT_AND_CLERK,
      'SELF_SERVICE',
      RU_CASE,
      'ALLOWED',
    ],
    [
      "subject and clerk: another person's case of another institution",
      SUBJECT_AND_CLERK,
      'SELF_SERVICE',
      KZ_CASE,
      'FORBIDDEN',
    ],
  ])('reads: %s', (_case, caller, purpose, subject, expected) => {
    const read = contextOf(caller, purpose);
    expect(outcomeOf(decideRead(read, 'Person.test', 'pensionExchange', subject))).toBe(expected);
    const lookup = contextOf(caller, purpose);
    expect(outcomeOf(decideLookup(lookup, 'Query.person', subject))).toBe(expected);
    // A mask does not limit by region (the field's rule does).
    const mask = contextOf(caller, purpose);
    expect(mayRead(mask, 'pensionExchange', subject)).toBe(expected !== 'FORBIDDEN');
  });

  it('lists the cases of every institution for a partner that is also a desk, its own for a clerk', () => {
    expect(partnerScopeOf(contextOf(PARTNER_AND_DESK, 'PENSION_EXCHANGE'), 'pensionExchange')).toBe(
      null,
    );
    const clerk = as('CASE_CLERK', { partner: 'RU-SFR' });
    expect(partnerScopeOf(contextOf(clerk, 'SELF_SERVICE'), 'pensionExchange')).toBe('RU-SFR');
  });

  it('lists, searches and subscribes only under a grant that reaches any person', () => {
    const clerk = as('CASE_CLERK', { partner: 'RU-SFR' });
    const asked = { name: 'Osmonov', birthDate: null, region: null };
    expect(outcomeOf(decideList(contextOf(clerk, 'SELF_SERVICE'), 'Query.persons'))).toBe(
      'FORBIDDEN',
    );
    for (const caller of [clerk, SUBJECT_OSH])
      expect(
        outcomeOf(decideSearch(contextOf(caller, 'SELF_SERVICE'), 'Query.searchPersons', asked)),
      ).toBe('FORBIDDEN');
    const subscribe = contextOf(clerk, 'SELF_SERVICE');
    expect(
      outcomeOf(decideSubscribe(subscribe, 'Mutation.subscribe', ['EXCHANGE_DOCUMENT_RECEIVED'])),
    ).toBe('FORBIDDEN');
    expect(
      subscriptionEntitled(
        { roles: ['CASE_CLERK'], purpose: 'SELF_SERVICE', region: null },
        'EXCHANGE_DOCUMENT_RECEIVED',
      ),
    ).toBe(false);
    expect(
      subscriptionEntitled(
        { roles: ['EXCHANGE_DESK'], purpose: 'PENSION_EXCHANGE', region: null },
        'EXCHANGE_DOCUMENT_RECEIVED',
      ),
    ).toBe(true);
  });

  it("opens a partner inbox to a grant limited to the claim's cases, not to one reaching all", () => {
    const clerk = decidePartnerInbox(
      contextOf(as('CASE_CLERK', { partner: 'RU-SFR' }), 'SELF_SERVICE'),
      'Query.inbox',
    );
    expect(clerk).toEqual({ partner: 'RU-SFR' });
    const desk = decidePartnerInbox(
      contextOf(as('EXCHANGE_DESK', { partner: 'RU-SFR' }), 'PENSION_EXCHANGE'),
      'Query.inbox',
    );
    expect(outcomeOf(desk)).toBe('FORBIDDEN');
  });

  it.each<[string, Caller, Subject, Outcome]>([
    ['a desk: a case of any institution', as('EXCHANGE_DESK'), KZ_CASE, 'ALLOWED'],
    ['partner and desk: a case of its own', PARTNER_AND_DESK, RU_CASE, 'ALLOWED'],
    ['partner and desk: a case of another institution', PARTNER_AND_DESK, KZ_CASE, 'FORBIDDEN'],
    ['desk and partner: a case of another institution', DESK_AND_PARTNER, KZ_CASE, 'FORBIDDEN'],
  ])('submissions: %s', (_case, caller, subject, expected) => {
    const context = contextOf(caller, 'PENSION_EXCHANGE');
    expect(outcomeOf(decideSubmit(context, 'Mutation.test', 'pensionExchange', subject))).toBe(
      expected,
    );
  });
});

describe('decideConsentedRead: a consent opens the health certificate to its recipient', () => {
  /** A recipient that asks (or not) and whose consent lookup answers `given`, counting its calls. */
  function recipientOf(asks: boolean, given: boolean) {
    const recipient = {
      asks,
      looked: 0,
      consented: async () => {
        recipient.looked += 1;
        return given;
      },
    };
    return recipient;
  }

  it.each<[string, Caller | null, string | null, Subject, boolean, boolean, Outcome, number]>([
    ['anonymous, asking as nobody', null, 'MEDICAL_CARE', OSH, false, true, 'UNAUTHENTICATED', 0],
    [
      'health: its own class, no consent looked up',
      HEALTH,
      'MEDICAL_CARE',
      OSH,
      false,
      false,
      'ALLOWED',
      0,
    ],
    [
      'health as a recipient too: the policy decides',
      HEALTH,
      'MEDICAL_CARE',
      OSH,
      true,
      false,
      'ALLOWED',
      0,
    ],
    [
      'health for public health: no certificate',
      HEALTH,
      'PUBLIC_HEALTH',
      OSH,
      false,
      true,
      'FORBIDDEN',
      0,
    ],
    [
      'migration, not asking as a recipient',
      MIGRATION,
      'MIGRATION_REGISTRATION',
      OSH,
      false,
      true,
      'FORBIDDEN',
      0,
    ],
    ['migration with consent', MIGRATION, 'MIGRATION_REGISTRATION', OSH, true, true, 'ALLOWED', 1],
    [
      'migration without consent',
      MIGRATION,
      'MIGRATION_REGISTRATION',
      OSH,
      true,
      false,
      'CONSENT_REQUIRED',
      1,
    ],
    [
      'migration of a region: a person of another region, consent or not',
      MIGRATION_OSH,
      'MIGRATION_REGISTRATION',
      JALAL_ABAD,
      true,
      true,
      'OUTSIDE_REGION',
      0,
    ],
    [
      'migration of a region: a person of the region',
      MIGRATION_OSH,
      'MIGRATION_REGISTRATION',
      OSH,
      true,
      true,
      'ALLOWED',
      1,
    ],
  ])('%s', async (_case, caller, purpose, subject, asks, given, expected, lookups) => {
    const context = contextOf(caller, purpose);
    const recipient = recipientOf(asks, given);
    const decided = await decideConsentedRead(
      context,
      'Person.fitForWorkAbroad',
      'healthCertificate',
      subject,
      recipient,
    );
    expect(outcomeOf(decided)).toBe(expected);
    expect(recipient.looked).toBe(lookups);
    const { served, refused, pins } = context.access.summary();
    expect({ served, refused }).toEqual(
      expected === 'ALLOWED'
        ? { served: ['Person.fitForWorkAbroad'], refused: [] }
        : { served: [], refused: ['Person.fitForWorkAbroad'] },
    );
    expect(pins).toEqual([subject.pin]);
  });
});

describe('ownerOrSubjectRoleOf: the officer of the owning agency, or the person about themself', () => {
  const HEALTH_AND_SUBJECT = as(['DATA_SUBJECT', 'HEALTH_OFFICER'], { pin: OSH.pin! });
  it.each<[string, Caller | null, string | null, Agency, string | undefined, string | null]>([
    ['anonymous', null, 'SELF_SERVICE', 'health', OSH.pin!, null],
    ['no purpose', SUBJECT_OSH, null, 'health', OSH.pin!, null],
    ['health for medical care', HEALTH, 'MEDICAL_CARE', 'health', OSH.pin!, 'HEALTH_OFFICER'],
    ['health for public health', HEALTH, 'PUBLIC_HEALTH', 'health', undefined, 'HEALTH_OFFICER'],
    ['health declaring self-service', HEALTH, 'SELF_SERVICE', 'health', OSH.pin!, null],
    ["labour: another agency's data", LABOUR, 'EMPLOYMENT_SERVICES', 'health', OSH.pin!, null],
    ['the person, about themself', SUBJECT_OSH, 'SELF_SERVICE', 'health', OSH.pin!, 'DATA_SUBJECT'],
    ['the person, about another', SUBJECT_OSH, 'SELF_SERVICE', 'health', JALAL_ABAD.pin!, null],
    ['the person, about an unknown PIN', SUBJECT_OSH, 'SELF_SERVICE', 'health', undefined, null],
    [
      'a person without a pin claim, about an unknown PIN',
      SUBJECT_NO_PIN,
      'SELF_SERVICE',
      'health',
      undefined,
      null,
    ],
    [
      'the person declaring an officer purpose',
      SUBJECT_OSH,
      'MEDICAL_CARE',
      'health',
      OSH.pin!,
      null,
    ],
    [
      'officer and person, for medical care: the officer first',
      HEALTH_AND_SUBJECT,
      'MEDICAL_CARE',
      'health',
      OSH.pin!,
      'HEALTH_OFFICER',
    ],
    [
      'officer and person, for self-service: the person',
      HEALTH_AND_SUBJECT,
      'SELF_SERVICE',
      'health',
      OSH.pin!,
      'DATA_SUBJECT',
    ],
    [
      'migration officer and person, for registration: neither, for health data',
      OFFICER_AND_SUBJECT,
      'MIGRATION_REGISTRATION',
      'health',
      OSH.pin!,
      null,
    ],
    [
      'migration officer and person, for registration: the officer, for its data',
      OFFICER_AND_SUBJECT,
      'MIGRATION_REGISTRATION',
      'migration',
      JALAL_ABAD.pin!,
      'MIGRATION_OFFICER',
    ],
  ])('%s', (_case, caller, purpose, agency, pin, expected) => {
    expect(ownerOrSubjectRoleOf({ caller, purpose }, agency, pin)).toBe(expected);
  });
});

describe('decideOwnerOrSubjectWrite: consents, by the owning officer or the person', () => {
  it.each<[string, Caller | null, string | null, string, Agency, string | undefined, Outcome]>([
    [
      'anonymous',
      null,
      'SELF_SERVICE',
      'Mutation.grantHealthConsent',
      'health',
      OSH.pin!,
      'UNAUTHENTICATED',
    ],
    [
      'no purpose',
      SUBJECT_OSH,
      null,
      'Mutation.grantHealthConsent',
      'health',
      OSH.pin!,
      'NO_PURPOSE',
    ],
    [
      'the person, own consent',
      SUBJECT_OSH,
      'SELF_SERVICE',
      'Mutation.grantHealthConsent',
      'health',
      OSH.pin!,
      'ALLOWED',
    ],
    [
      "the person, another's consent",
      SUBJECT_OSH,
      'SELF_SERVICE',
      'Mutation.revokeHealthConsent',
      'health',
      JALAL_ABAD.pin!,
      'FORBIDDEN',
    ],
    [
      'health for medical care',
      HEALTH,
      'MEDICAL_CARE',
      'Mutation.revokeHealthConsent',
      'health',
      JALAL_ABAD.pin!,
      'ALLOWED',
    ],
    [
      'migration',
      MIGRATION,
      'MIGRATION_REGISTRATION',
      'Mutation.grantHealthConsent',
      'health',
      OSH.pin!,
      'FORBIDDEN',
    ],
    // The officer acts, but the purpose does not change the class of the write.
    [
      'labour for returnee support: a job abroad',
      LABOUR,
      'RETURNEE_SUPPORT',
      'Mutation.recordEmployment',
      'labour',
      OSH.pin!,
      'FORBIDDEN',
    ],
    [
      'labour for employment services: a job abroad',
      LABOUR,
      'EMPLOYMENT_SERVICES',
      'Mutation.recordEmployment',
      'labour',
      OSH.pin!,
      'ALLOWED',
    ],
  ])('%s', (_case, caller, purpose, coordinate, agency, pin, expected) => {
    const context = contextOf(caller, purpose);
    expect(outcomeOf(decideOwnerOrSubjectWrite(context, coordinate, agency, pin))).toBe(expected);
    const { served, refused, pins, wrote } = context.access.summary();
    expect({ served, refused, pins, wrote }).toEqual(
      expected === 'ALLOWED'
        ? { served: [coordinate], refused: [], pins: [pin], wrote: true }
        : { served: [], refused: [coordinate], pins: [pin], wrote: false },
    );
  });
});

describe('decideInstitutionActive', () => {
  it('lets an active institution through, recording nothing (the write rule records)', () => {
    const context = contextOf(PARTNER_RU, 'PENSION_EXCHANGE');
    expect(decideInstitutionActive(context, 'Mutation.x', RU_CASE.pin!, true)).toBe(true);
    expect(context.access.summary()).toMatchObject({ served: [], refused: [], pins: [] });
  });

  it('refuses an inactive one, naming the write, and records the refusal with the PIN', () => {
    const context = contextOf(PARTNER_RU, 'PENSION_EXCHANGE');
    const decided = decideInstitutionActive(context, 'Mutation.x', RU_CASE.pin!, false);
    expect((decided as GraphQLError).message).toBe(
      'Only an active partner institution may write Mutation.x',
    );
    expect(outcomeOf(decided)).toBe('FORBIDDEN');
    expect(context.access.summary()).toMatchObject({
      refused: ['Mutation.x'],
      pins: [RU_CASE.pin],
    });
  });
});

describe('decideRegionAsked: a list or search naming a region', () => {
  it.each<[string, Caller | null, string | null | undefined, Outcome]>([
    ['unscoped, any region', MIGRATION, 'KG-J', 'ALLOWED'],
    ['anonymous (the grant refuses it)', null, 'KG-J', 'ALLOWED'],
    ['scoped, its region', MIGRATION_OSH, 'KG-O', 'ALLOWED'],
    ['scoped, no region asked', MIGRATION_OSH, null, 'ALLOWED'],
    ['scoped, region left out', MIGRATION_OSH, undefined, 'ALLOWED'],
    ['scoped, another region', MIGRATION_OSH, 'KG-J', 'OUTSIDE_REGION'],
  ])('%s', (_case, caller, asked, expected) => {
    const context = contextOf(caller, 'MIGRATION_REGISTRATION');
    expect(outcomeOf(decideRegionAsked(context, 'Query.persons', asked))).toBe(expected);
    expect(context.access.summary().refused).toEqual(
      expected === 'ALLOWED' ? [] : ['Query.persons'],
    );
  });
});

describe('decideHomeRegions: a write placing a person in a region', () => {
  it.each<[string, Caller | null, (string | null | undefined)[], Outcome]>([
    ['unscoped, any regions', MIGRATION, ['KG-J', 'KG-O'], 'ALLOWED'],
    ['anonymous (the grant refuses it)', null, ['KG-J'], 'ALLOWED'],
    ['scoped, its region', MIGRATION_OSH, ['KG-O'], 'ALLOWED'],
    ['scoped, its region asked and stored', MIGRATION_OSH, ['KG-O', 'KG-O'], 'ALLOWED'],
    ['scoped, nothing involved', MIGRATION_OSH, [], 'ALLOWED'],
    ['scoped, another region asked', MIGRATION_OSH, ['KG-J'], 'OUTSIDE_REGION'],
    ['scoped, its region asked, another stored', MIGRATION_OSH, ['KG-O', 'KG-J'], 'OUTSIDE_REGION'],
    ['scoped, its region asked, none stored', MIGRATION_OSH, ['KG-O', null], 'OUTSIDE_REGION'],
    ['scoped, no region known', MIGRATION_OSH, [undefined], 'OUTSIDE_REGION'],
  ])('%s', (_case, caller, homeRegions, expected) => {
    const context = contextOf(caller, 'MIGRATION_REGISTRATION');
    const decided = decideHomeRegions(context, 'Mutation.registerPerson', OSH.pin!, homeRegions);
    expect(outcomeOf(decided)).toBe(expected);
    expect(context.access.summary()).toMatchObject(
      expected === 'ALLOWED'
        ? { refused: [], pins: [] }
        : { refused: ['Mutation.registerPerson'], pins: [OSH.pin] },
    );
  });
});

describe('what the access module records without deciding', () => {
  it('records a refused operation with each person it named, or with nobody', () => {
    const some = contextOf(PARTNER_RU, 'PENSION_EXCHANGE');
    recordRefusedOperation(some, 'Operation.x', [OSH.pin!, JALAL_ABAD.pin!]);
    expect(some.access.summary()).toMatchObject({
      refused: ['Operation.x'],
      served: [],
      pins: [OSH.pin, JALAL_ABAD.pin],
    });
    const none = contextOf(PARTNER_RU, 'PENSION_EXCHANGE');
    recordRefusedOperation(none, 'Operation.x', []);
    expect(none.access.summary()).toMatchObject({ refused: ['Operation.x'], pins: [] });
  });

  it("records a revision with its person's PIN", () => {
    const context = contextOf(PENSION, 'PENSION_ASSESSMENT');
    const revision = {
      entity: 'InsurancePeriod',
      id: 'p-1',
      version: 2,
      change: 'VOIDED' as const,
      reason: 'entered twice',
    };
    recordRevision(context, OSH.pin!, revision);
    expect(context.access.summary()).toMatchObject({ revisions: [revision], pins: [OSH.pin] });
  });

  it("records a search's results: each person found, or the search alone", () => {
    const asked = { name: 'Osmonov', birthDate: null, region: null };
    const found = contextOf(MIGRATION, 'MIGRATION_REGISTRATION');
    found.access.searched(asked);
    recordSearchResults(found, 'Query.searchPersons', [OSH.pin!, JALAL_ABAD.pin!]);
    expect(found.access.summary()).toMatchObject({
      served: ['Query.searchPersons'],
      pins: [OSH.pin, JALAL_ABAD.pin],
      searches: [{ ...asked, found: [OSH.pin, JALAL_ABAD.pin] }],
    });
    const none = contextOf(MIGRATION, 'MIGRATION_REGISTRATION');
    none.access.searched(asked);
    recordSearchResults(none, 'Query.searchPersons', []);
    expect(none.access.summary()).toMatchObject({
      served: ['Query.searchPersons'],
      pins: [],
      searches: [asked],
    });
  });

  it('records the persons a list names, a delivery list as a page of persons', () => {
    const context = contextOf(LABOUR, 'RETURNEE_SUPPORT');
    recordListed(context, 'Query.deliveries', new Set([OSH.pin!, JALAL_ABAD.pin!]));
    expect(context.access.summary()).toMatchObject({
      served: ['Query.deliveries'],
      pins: [OSH.pin, JALAL_ABAD.pin],
    });
  });
});
