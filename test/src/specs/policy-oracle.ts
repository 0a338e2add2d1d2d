import type { Agency, AggregateClass, DataClass, Purpose, Role } from '@jol/schema';

/**
 * The access policy as reviewers agreed it, written out by hand: what each role reads for each
 * purpose it may declare, whom it reaches, what it writes, and the data class of every coordinate
 * and filter criterion of the graph. Nothing here is computed from the code's policy table
 * (the register, schema/src/members): the oracle test holds that table to these literals, and
 * the policy matrix holds the running system to them. Widening or narrowing a role or a purpose in the table
 * fails the suite until this file changes too, in a reviewed commit.
 */

export type Reach = 'anyone' | 'ownRecord' | 'partnerCases';

export interface RoleOracle {
  /**
   * Whom the role reads: anyone (a `region` claim then limits it to that region), only the person
   * of its token's `pin` claim, or only persons with a case of its `partner` claim's institution.
   */
  reach: Reach;
  /** For every purpose the role may declare (and no other): the person-level classes it reads. */
  reads: Partial<Record<Purpose, readonly DataClass[]>>;
  /** Aggregate classes read, by purpose; none when absent. */
  aggregates?: Partial<Record<Purpose, readonly AggregateClass[]>>;
  /** The agency whose data the role writes. */
  writes: Agency | null;
  /** Classes the role writes as exchange messages without owning an agency's data. */
  submits: readonly DataClass[];
  /** Every mutation of the graph the role may make (the data subject: about itself only). */
  mutations: readonly string[];
  /** The role reads the health certificate with the person's consent for its agency and purpose. */
  consentAgency?: Exclude<Agency, 'health'>;
}

export const ROLE_ORACLE: Record<Role, RoleOracle> = {
  MIGRATION_OFFICER: {
    reach: 'anyone',
    reads: {
      MIGRATION_REGISTRATION: [
        'identity',
        'residence',
        'migrationRecord',
        'childIdentity',
        'migrationEpisodes',
        'employmentSummary',
      ],
      RETURNEE_SUPPORT: [
        'identity',
        'residence',
        'migrationRecord',
        'migrationEpisodes',
        'employmentSummary',
      ],
    },
    writes: 'migration',
    submits: [],
    mutations: [
      'registerPerson',
      'registerDeparture',
      'registerReturn',
      'recordEntryBan',
      'recordDependant',
      'correctMigrationEpisode',
      'voidMigrationEpisode',
      'subscribeToMigrationEvents',
      'cancelMigrationEventSubscription',
      'renewMigrationEventSubscription',
      'replayMigrationEventDelivery',
    ],
    consentAgency: 'migration',
  },
  LABOUR_OFFICER: {
    reach: 'anyone',
    reads: {
      EMPLOYMENT_SERVICES: [
        'identity',
        'residence',
        'migrationEpisodes',
        'employmentSummary',
        'employmentDetail',
        'labourServices',
      ],
      RETURNEE_SUPPORT: [
        'identity',
        'residence',
        'migrationEpisodes',
        'employmentSummary',
        'labourServices',
      ],
    },
    writes: 'labour',
    submits: [],
    mutations: [
      'recordEmployment',
      'enrolInReintegration',
      'updateReintegrationStatus',
      'recordSkill',
      'correctEmploymentRecord',
      'voidEmploymentRecord',
      'subscribeToMigrationEvents',
      'cancelMigrationEventSubscription',
      'renewMigrationEventSubscription',
      'replayMigrationEventDelivery',
    ],
    consentAgency: 'labour',
  },
  HEALTH_OFFICER: {
    reach: 'anyone',
    reads: {
      MEDICAL_CARE: ['identity', 'residence', 'migrationEpisodes', 'health', 'healthCertificate'],
      PUBLIC_HEALTH: ['residence', 'migrationEpisodes', 'health'],
    },
    writes: 'health',
    submits: [],
    mutations: [
      'recordScreening',
      'recordTbCase',
      'updateTbTreatmentStatus',
      'recordTbOutcome',
      'setHealthInsurance',
      'grantHealthConsent',
      'revokeHealthConsent',
      'correctHealthScreening',
      'voidHealthScreening',
      'subscribeToMigrationEvents',
      'cancelMigrationEventSubscription',
      'renewMigrationEventSubscription',
      'replayMigrationEventDelivery',
      'subscribeToHealthEvents',
      'cancelHealthEventSubscription',
      'renewHealthEventSubscription',
      'replayHealthEventDelivery',
    ],
  },
  PENSION_OFFICER: {
    reach: 'anyone',
    reads: {
      PENSION_ASSESSMENT: [
        'identity',
        'residence',
        'migrationEpisodes',
        'employmentSummary',
        'pensions',
        'pensionExchange',
      ],
    },
    writes: 'pensions',
    submits: [],
    mutations: [
      'recordInsurancePeriod',
      'recordContribution',
      'recordPensionDecision',
      'correctInsurancePeriod',
      'voidInsurancePeriod',
      'correctPensionContribution',
      'voidPensionContribution',
      'subscribeToMigrationEvents',
      'cancelMigrationEventSubscription',
      'renewMigrationEventSubscription',
      'replayMigrationEventDelivery',
      'subscribeToPensionsEvents',
      'cancelPensionsEventSubscription',
      'renewPensionsEventSubscription',
      'replayPensionsEventDelivery',
    ],
    consentAgency: 'pensions',
  },
  // The Ministry of Foreign Affairs' consular officers: a citizen in difficulty abroad. Registering
  // a citizen with a consulate needs no assistance case (detentions, deaths abroad).
  CONSULAR_OFFICER: {
    reach: 'anyone',
    reads: {
      CONSULAR_ASSISTANCE: [
        'identity',
        'residence',
        'migrationEpisodes',
        'consularRegistration',
        'consularAssistance',
      ],
      CONSULAR_REGISTRATION: ['identity', 'residence', 'migrationEpisodes', 'consularRegistration'],
    },
    writes: 'consular',
    submits: [],
    mutations: [
      'registerConsularRegistration',
      'endConsularRegistration',
      'openAssistanceCase',
      'updateAssistanceCaseStatus',
      'closeAssistanceCase',
      'subscribeToMigrationEvents',
      'cancelMigrationEventSubscription',
      'renewMigrationEventSubscription',
      'replayMigrationEventDelivery',
    ],
  },
  ANALYST: {
    reach: 'anyone',
    reads: { STATISTICS: [] },
    aggregates: { STATISTICS: ['statistics'] },
    writes: null,
    submits: [],
    mutations: [],
  },
  PARTNER: {
    reach: 'partnerCases',
    reads: { PENSION_EXCHANGE: ['pensionExchange'] },
    writes: null,
    submits: ['pensionExchange'],
    mutations: [
      'openPensionExchangeCase',
      'submitPensionExchangePeriods',
      'remindPensionExchangeDocument',
      'acknowledgePensionExchangeDocument',
      'invalidatePensionExchangeDocument',
    ],
  },
  AUDITOR: {
    reach: 'anyone',
    reads: { AUDIT: ['accessLog'] },
    writes: null,
    submits: [],
    mutations: [],
  },
  DATA_SUBJECT: {
    reach: 'ownRecord',
    reads: {
      SELF_SERVICE: [
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
        'consularRegistration',
        'consularAssistance',
        'accessLog',
      ],
    },
    writes: null,
    submits: [],
    mutations: ['grantHealthConsent', 'revokeHealthConsent'],
  },
  // Jol's own subgraphs, never a person or an institution: whether a PIN is registered, its birth
  // date and the countries of its stays abroad, before a partner's write. Its tokens come from the services' key alone.
  SUBJECT_DIRECTORY: {
    reach: 'anyone',
    reads: { WRITE_CHECK: ['register'] },
    writes: null,
    submits: [],
    mutations: [],
  },
};

/**
 * What each purpose needs, whoever declares it (data minimisation): a role reads the intersection
 * of its classes and these. The health certificate is listed for the purposes a person may consent
 * to share it for (an officer outside health reads it only with that consent).
 */
export const PURPOSE_ORACLE: Record<Purpose, readonly DataClass[]> = {
  MIGRATION_REGISTRATION: [
    'identity',
    'residence',
    'migrationRecord',
    'childIdentity',
    'migrationEpisodes',
    'employmentSummary',
    'healthCertificate',
  ],
  RETURNEE_SUPPORT: [
    'identity',
    'residence',
    'migrationRecord',
    'migrationEpisodes',
    'employmentSummary',
    'labourServices',
    'healthCertificate',
  ],
  EMPLOYMENT_SERVICES: [
    'identity',
    'residence',
    'migrationEpisodes',
    'employmentSummary',
    'employmentDetail',
    'labourServices',
    'healthCertificate',
  ],
  MEDICAL_CARE: ['identity', 'residence', 'migrationEpisodes', 'health', 'healthCertificate'],
  PUBLIC_HEALTH: ['residence', 'migrationEpisodes', 'health'],
  PENSION_ASSESSMENT: [
    'identity',
    'residence',
    'migrationEpisodes',
    'employmentSummary',
    'pensions',
    'pensionExchange',
    'healthCertificate',
  ],
  CONSULAR_ASSISTANCE: [
    'identity',
    'residence',
    'migrationEpisodes',
    'consularRegistration',
    'consularAssistance',
  ],
  CONSULAR_REGISTRATION: ['identity', 'residence', 'migrationEpisodes', 'consularRegistration'],
  STATISTICS: [],
  PENSION_EXCHANGE: ['pensionExchange'],
  AUDIT: ['accessLog'],
  SELF_SERVICE: [
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
    'consularRegistration',
    'consularAssistance',
    'accessLog',
  ],
  WRITE_CHECK: ['register'],
};

/**
 * What each purpose may change, whoever declares it: an officer writes only these classes of its
 * agency's data, a partner submits only these.
 */
export const PURPOSE_WRITES_ORACLE: Record<Purpose, readonly DataClass[]> = {
  MIGRATION_REGISTRATION: [
    'identity',
    'residence',
    'migrationRecord',
    'childIdentity',
    'migrationEpisodes',
  ],
  RETURNEE_SUPPORT: ['labourServices'],
  EMPLOYMENT_SERVICES: ['employmentDetail', 'labourServices'],
  MEDICAL_CARE: ['health', 'healthCertificate'],
  PUBLIC_HEALTH: ['health'],
  PENSION_ASSESSMENT: ['pensions', 'pensionExchange'],
  CONSULAR_ASSISTANCE: ['consularRegistration', 'consularAssistance'],
  CONSULAR_REGISTRATION: ['consularRegistration'],
  STATISTICS: [],
  PENSION_EXCHANGE: ['pensionExchange'],
  AUDIT: [],
  SELF_SERVICE: ['healthCertificate'],
  WRITE_CHECK: [],
};

/** The aggregate classes each purpose needs, whoever declares it; none for a purpose not listed. */
export const PURPOSE_AGGREGATES_ORACLE: Partial<Record<Purpose, readonly AggregateClass[]>> = {
  STATISTICS: ['statistics'],
};

/** The class every mutation of the graph changes. */
export const MUTATION_CLASSES: Record<string, DataClass> = {
  registerPerson: 'identity',
  registerDeparture: 'migrationEpisodes',
  registerReturn: 'migrationEpisodes',
  correctMigrationEpisode: 'migrationEpisodes',
  voidMigrationEpisode: 'migrationEpisodes',
  recordEntryBan: 'migrationRecord',
  recordDependant: 'migrationRecord',
  recordEmployment: 'employmentDetail',
  correctEmploymentRecord: 'employmentDetail',
  voidEmploymentRecord: 'employmentDetail',
  enrolInReintegration: 'labourServices',
  updateReintegrationStatus: 'labourServices',
  recordSkill: 'labourServices',
  recordScreening: 'health',
  correctHealthScreening: 'health',
  voidHealthScreening: 'health',
  recordTbCase: 'health',
  recordTbOutcome: 'health',
  updateTbTreatmentStatus: 'health',
  setHealthInsurance: 'health',
  // A consent opens the certificate: only a purpose reading the certificate records one.
  grantHealthConsent: 'healthCertificate',
  revokeHealthConsent: 'healthCertificate',
  recordInsurancePeriod: 'pensions',
  correctInsurancePeriod: 'pensions',
  voidInsurancePeriod: 'pensions',
  recordContribution: 'pensions',
  correctPensionContribution: 'pensions',
  voidPensionContribution: 'pensions',
  recordPensionDecision: 'pensionExchange',
  openPensionExchangeCase: 'pensionExchange',
  submitPensionExchangePeriods: 'pensionExchange',
  invalidatePensionExchangeDocument: 'pensionExchange',
  remindPensionExchangeDocument: 'pensionExchange',
  acknowledgePensionExchangeDocument: 'pensionExchange',
  registerConsularRegistration: 'consularRegistration',
  endConsularRegistration: 'consularRegistration',
  openAssistanceCase: 'consularAssistance',
  updateAssistanceCaseStatus: 'consularAssistance',
  closeAssistanceCase: 'consularAssistance',
};

/**
 * Mutations that manage webhook subscriptions: they change no person's data, and are decided as
 * reads of the classes of the agency's events (subscribing with the walk's sample asks for the
 * agency's first event; managing needs any of its events). Only roles reaching any person.
 */
export const SUBSCRIPTION_MUTATIONS: Record<string, readonly DataClass[]> = {
  subscribeToMigrationEvents: ['migrationEpisodes'],
  cancelMigrationEventSubscription: ['migrationEpisodes'],
  renewMigrationEventSubscription: ['migrationEpisodes'],
  replayMigrationEventDelivery: ['migrationEpisodes'],
  subscribeToHealthEvents: ['health'],
  cancelHealthEventSubscription: ['health'],
  renewHealthEventSubscription: ['health'],
  replayHealthEventDelivery: ['health'],
  subscribeToPensionsEvents: ['pensionExchange'],
  cancelPensionsEventSubscription: ['pensionExchange'],
  renewPensionsEventSubscription: ['pensionExchange'],
  replayPensionsEventDelivery: ['pensionExchange'],
};

/** Whether the oracle lets a role declaring a purpose make a mutation (for whom aside). */
export function oracleMayWrite(role: Role, purpose: Purpose, mutation: string): boolean {
  const heard = SUBSCRIPTION_MUTATIONS[mutation];
  if (heard) {
    const reads = oracleReads(role, purpose);
    return (
      ROLE_ORACLE[role].mutations.includes(mutation) &&
      ROLE_ORACLE[role].reach === 'anyone' &&
      reads !== null &&
      heard.some((c) => reads.includes(c))
    );
  }
  const dataClass = MUTATION_CLASSES[mutation];
  return (
    ROLE_ORACLE[role].mutations.includes(mutation) &&
    oracleReads(role, purpose) !== null &&
    dataClass !== undefined &&
    PURPOSE_WRITES_ORACLE[purpose].includes(dataClass)
  );
}

/** Every coordinate of the graph that reveals a person, by the class that guards it. */
export const CLASS_COORDINATES: Record<DataClass, readonly string[]> = {
  identity: [
    'Person.nameCyrillic',
    'Person.nameLatin',
    'Person.birthDate',
    'Person.sex',
    'Query.searchPersons',
  ],
  residence: ['Person.homeRegion'],
  migrationRecord: [
    'Person.russianProficiency',
    'Person.status',
    'Person.entryBans',
    'Person.dependants',
  ],
  childIdentity: ['Dependant.childPin'],
  migrationEpisodes: ['Person.episodes', 'MigrationEpisode.versions'],
  employmentSummary: ['Person.employment'],
  employmentDetail: [
    'EmploymentRecord.employer',
    'EmploymentRecord.formal',
    'EmploymentRecord.permitType',
    'EmploymentRecord.permitNumber',
    // A history's earlier values and reasons go with the record's most restrictive class.
    'EmploymentRecord.versions',
  ],
  labourServices: ['Person.reintegrationEnrolments', 'Person.skills'],
  health: [
    'Person.screenings',
    'Person.tbCases',
    'Person.healthInsurance',
    'Person.healthConsents',
    'HealthScreening.versions',
  ],
  healthCertificate: ['Person.fitForWorkAbroad'],
  pensions: [
    'Person.insurancePeriods',
    'Person.contributions',
    'Person.serviceSummary',
    'Person.pensionEntitlement',
    'InsurancePeriod.versions',
    'PensionContribution.versions',
  ],
  pensionExchange: [
    'Query.pensionExchangeCase',
    'Query.pensionExchangeCases',
    'PensionExchangeCase.kyrgyzPeriods',
    'Mutation.openPensionExchangeCase',
    'Mutation.submitPensionExchangePeriods',
    'Mutation.invalidatePensionExchangeDocument',
    'Mutation.remindPensionExchangeDocument',
    'Mutation.acknowledgePensionExchangeDocument',
  ],
  consularRegistration: ['Person.consularRegistrations'],
  consularAssistance: ['Person.assistanceCases'],
  accessLog: [
    'Person.accessLog',
    'PersonAccessLog.migration',
    'PersonAccessLog.labour',
    'PersonAccessLog.health',
    'PersonAccessLog.pensions',
    'PersonAccessLog.consular',
  ],
  register: ['Query.registeredSubject'],
};

/** Every criterion that selects persons by a value, by the class of the value it selects by. */
export const FILTER_CRITERIA: Record<string, DataClass> = {
  'PersonFilter.region': 'residence',
  'PersonFilter.sex': 'identity',
  'PersonFilter.ageBand': 'identity',
  'PersonFilter.status': 'migrationRecord',
  'PersonFilter.destination': 'migrationEpisodes',
};

/**
 * Arguments of the graph's queries and fields that select nobody by a person's data, with the
 * reason: a key the caller holds (its decision is the lookup's), paging, or aggregates (their own
 * policy). Any other argument must be a filter input whose every criterion is in FILTER_CRITERIA.
 */
export const NON_SELECTING_ARGUMENTS: Record<string, string> = {
  'Query.person(pin:)': 'the key: decideLookup decides the person',
  'Query.persons(first:)': 'paging',
  'Query.persons(after:)': 'paging by PIN, the key',
  'PersonAccessLog.migration(first:)': 'paging',
  'PersonAccessLog.migration(after:)': "paging by the chain's sequence number",
  'PersonAccessLog.labour(first:)': 'paging',
  'PersonAccessLog.labour(after:)': "paging by the chain's sequence number",
  'PersonAccessLog.health(first:)': 'paging',
  'PersonAccessLog.health(after:)': "paging by the chain's sequence number",
  'PersonAccessLog.pensions(first:)': 'paging',
  'PersonAccessLog.pensions(after:)': "paging by the chain's sequence number",
  'PersonAccessLog.consular(first:)': 'paging',
  'PersonAccessLog.consular(after:)': "paging by the chain's sequence number",
  'Query.pensionExchangeCase(caseId:)': "a case id: the case's person and institution decide",
  'Query.pensionExchangeCases(pin:)': "the key: the person's cases decide",
  'Query.registeredSubject(pin:)': 'the key: the register answers for the PIN asked about',
  'Person.pensionEntitlement(asOf:)': 'the day the entitlement is computed for',
  'Query.indicators(by:)': 'aggregates, with their own disclosure control',
  'Query.indicators(filter:)': 'aggregates, with their own disclosure control',
  'Query.pensionExchangeInbox(after:)': "paging by the inbox's sequence number",
  'Query.pensionExchangeInbox(first:)': 'paging',
  ...Object.fromEntries(
    ['migration', 'health', 'pensions'].flatMap((agency) => [
      [`Query.${agency}EventDeliveries(subscriptionId:)`, 'a subscription id: its maker decides'],
      [
        `Query.${agency}EventDeliveries(status:)`,
        "a delivery status, within the caller's own subscription",
      ],
      [`Query.${agency}EventDeliveries(first:)`, 'paging'],
    ]),
  ),
};

/**
 * Searching persons by name without the PIN: the officers of the agencies, for a purpose under
 * which they read the names and the home region of anyone (so not PUBLIC_HEALTH, nor any role
 * limited to its own record or its partner cases), at most 20 persons listed.
 */
export const SEARCH_ORACLE = {
  roles: [
    'MIGRATION_OFFICER',
    'LABOUR_OFFICER',
    'HEALTH_OFFICER',
    'PENSION_OFFICER',
    // A consulate called about a detained citizen knows a name, rarely the PIN.
    'CONSULAR_OFFICER',
  ] as Role[],
  reads: ['identity', 'residence'] as DataClass[],
  maxResults: 20,
  /** The search's arguments, by the class of the value each selects persons by. */
  arguments: {
    'Query.searchPersons(name:)': 'identity',
    'Query.searchPersons(birthDate:)': 'identity',
    'Query.searchPersons(region:)': 'residence',
  } as Record<string, DataClass>,
};

/** Whether a role may search for the purpose, by the oracle. */
export function oracleSearches(role: Role, purpose: string): boolean {
  const reads = oracleReads(role, purpose) ?? [];
  return (
    SEARCH_ORACLE.roles.includes(role) &&
    ROLE_ORACLE[role].reach === 'anyone' &&
    SEARCH_ORACLE.reads.every((c) => reads.includes(c))
  );
}

/** Every coordinate of the graph that returns aggregates (no person-level class). */
export const AGGREGATE_COORDINATES: readonly string[] = [
  'Query.indicators',
  'Indicators.personsAbroad',
  'Indicators.departures',
  'Indicators.returns',
  'Indicators.entryBans',
  'Indicators.womenShareAbroad',
  'Indicators.aged15To29ShareAbroad',
  'Indicators.childrenWithParentAbroad',
  'Indicators.destinations',
  'Indicators.employedAbroad',
  'Indicators.employmentAbroadBySector',
  'Indicators.formalEmploymentShare',
  'Indicators.reintegrationEnrolments',
  'Indicators.reintegrationCompletions',
  'Indicators.tbScreenedReturnees',
  'Indicators.activeTbCases',
  'Indicators.returneeShareOfActiveTb',
  'Indicators.insuredAbroad',
  'Indicators.voluntaryContributors',
  'Indicators.personsWithTotalizedPeriods',
  'Indicators.assistanceCases',
  'Indicators.legalAidCases',
  'Indicators.detentionCases',
  'Indicators.hospitalisationCases',
  'Indicators.deathsAbroad',
  'Indicators.repatriationCases',
  'Indicators.lostDocumentsCases',
  'Indicators.labourExploitationCases',
];

/** The class of a coordinate by the oracle; undefined for one it does not classify. */
export function oracleClassOf(coordinate: string): DataClass | undefined {
  return (Object.keys(CLASS_COORDINATES) as DataClass[]).find((c) =>
    CLASS_COORDINATES[c].includes(coordinate),
  );
}

/** The classes a role reads for a purpose; null when the role may not declare the purpose. */
export function oracleReads(role: Role, purpose: string): readonly DataClass[] | null {
  return (ROLE_ORACLE[role].reads as Record<string, readonly DataClass[]>)[purpose] ?? null;
}

/** The purposes a role may declare, in the order the oracle lists them. */
export function oraclePurposes(role: Role): Purpose[] {
  return Object.keys(ROLE_ORACLE[role].reads) as Purpose[];
}
