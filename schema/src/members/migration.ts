import type {
  ChangeEventDeclaration,
  DataClassDeclaration,
  FederationReadsDeclaration,
  PurposePolicy,
  RolePolicy,
  SubgraphDeclaration,
} from './declaration';
import type { DataClass, Role } from './index';

/** The State Migration Service: the person register, stays abroad, entry bans, dependants. */
export const subgraph = {
  name: 'migration',
  agency: 'State Migration Service',
  port: 4001,
} as const satisfies SubgraphDeclaration;

export const dataClasses = {
  migrationRecord: {
    description: 'Migration status, Russian proficiency, entry bans, dependants left behind',
  },
  childIdentity: { description: 'PINs of dependants left behind (masked for others)' },
  migrationEpisodes: { description: 'Departures, destinations and returns' },
} as const satisfies Record<string, DataClassDeclaration>;

export const purposes = {
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
} as const satisfies Record<string, PurposePolicy>;

export const roles = {
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
} as const satisfies Record<string, RolePolicy>;

/** The data class of every field of the subgraph that reveals a person (see FIELD_CLASSES). */
export const fieldClasses = {
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
  'MigrationEpisode.versions': 'migrationEpisodes',
  // a search lists identity: decided by decideSearch under PERSON_SEARCH
  'Query.searchPersons': 'identity',
} as const satisfies Record<string, DataClass>;

/** The data class each of the subgraph's writes changes (see WRITE_CLASSES). */
export const writeClasses = {
  'Mutation.registerPerson': 'identity',
  'Mutation.registerDeparture': 'migrationEpisodes',
  'Mutation.registerReturn': 'migrationEpisodes',
  'Mutation.correctMigrationEpisode': 'migrationEpisodes',
  'Mutation.voidMigrationEpisode': 'migrationEpisodes',
  'Mutation.recordEntryBan': 'migrationRecord',
  'Mutation.recordDependant': 'migrationRecord',
} as const satisfies Record<string, DataClass>;

/** The data class each argument that selects persons by a value selects by (see FILTER_CLASSES). */
export const filterClasses = {
  'PersonFilter.region': 'residence',
  'PersonFilter.status': 'migrationRecord',
  'PersonFilter.destination': 'migrationEpisodes',
  'PersonFilter.sex': 'identity',
  'PersonFilter.ageBand': 'identity',
} as const satisfies Record<string, DataClass>;

export const changeEvents = {
  PERSON_RETURNED: {
    dataClass: 'migrationEpisodes',
    description: 'A stay abroad was closed: the person returned (registerReturn).',
  },
} as const satisfies Record<string, ChangeEventDeclaration>;

export const federationReads = {
  subject: ['migrationRecord', 'childIdentity', 'migrationEpisodes'],
} as const satisfies FederationReadsDeclaration;

/** The register serves the search for persons without the PIN (see PERSON_SEARCH). */
export const personSearch = {
  coordinate: 'Query.searchPersons',
  reads: ['identity', 'residence'],
  maxResults: 20,
  /** The data class each argument of a search selects persons by. */
  argumentClasses: {
    'Query.searchPersons(name:)': 'identity',
    'Query.searchPersons(birthDate:)': 'identity',
    'Query.searchPersons(region:)': 'residence',
  },
} as const satisfies {
  coordinate: string;
  reads: readonly DataClass[];
  maxResults: number;
  argumentClasses: Record<string, DataClass>;
};

/** The member's roles that may search for persons and introspect the schema. */
export const searchRoles = ['MIGRATION_OFFICER'] as const satisfies readonly Role[];
export const introspectionRoles = ['MIGRATION_OFFICER'] as const satisfies readonly Role[];
