import type {
  ChangeEventDeclaration,
  DataClassDeclaration,
  FederationReadsDeclaration,
  PurposePolicy,
  RolePolicy,
  SubgraphDeclaration,
} from './declaration';
import type { DataClass, Role } from './index';

/**
 * The Ministry of Foreign Affairs' consular service: registrations of citizens abroad and
 * assistance cases. Detentions and deaths abroad are the most sensitive facts after health: a
 * class of their own, one role, a purpose that needs them, and, for an officer whose token names
 * a consulate (`office` claim), that post's records only.
 */
export const subgraph = {
  name: 'consular',
  agency: 'Ministry of Foreign Affairs',
  port: 4005,
} as const satisfies SubgraphDeclaration;

export const dataClasses = {
  consularRegistration: {
    description: 'Consular registrations abroad: country, consulate, city, dates',
  },
  consularAssistance: {
    description:
      'Consular assistance cases (detentions, deaths abroad, hospitalisations, legal aid, ' +
      'repatriation, lost documents, labour exploitation): the most sensitive after health',
  },
} as const satisfies Record<string, DataClassDeclaration>;

export const purposes = {
  CONSULAR_ASSISTANCE: {
    why:
      'Helping a citizen in difficulty abroad (detained, in hospital, dead, exploited, without ' +
      'documents): who they are, where they went, their registrations and cases.',
    writes: ['consularRegistration', 'consularAssistance'],
    reads: [
      'identity',
      'residence',
      'migrationEpisodes',
      'consularRegistration',
      'consularAssistance',
    ],
  },
  CONSULAR_REGISTRATION: {
    why:
      'Registering a citizen who lives abroad with a consulate: who they are and where they ' +
      'went, never their assistance cases.',
    writes: ['consularRegistration'],
    reads: ['identity', 'residence', 'migrationEpisodes', 'consularRegistration'],
  },
} as const satisfies Record<string, PurposePolicy>;

export const roles = {
  CONSULAR_OFFICER: {
    purposes: ['CONSULAR_ASSISTANCE', 'CONSULAR_REGISTRATION'],
    reads: [
      'identity',
      'residence',
      'migrationEpisodes',
      'consularRegistration',
      'consularAssistance',
    ],
    writes: 'consular',
  },
} as const satisfies Record<string, RolePolicy>;

export const fieldClasses = {
  'Person.consularRegistrations': 'consularRegistration',
  'Person.assistanceCases': 'consularAssistance',
} as const satisfies Record<string, DataClass>;

export const writeClasses = {
  'Mutation.registerConsularRegistration': 'consularRegistration',
  'Mutation.endConsularRegistration': 'consularRegistration',
  'Mutation.openAssistanceCase': 'consularAssistance',
  'Mutation.updateAssistanceCaseStatus': 'consularAssistance',
  'Mutation.closeAssistanceCase': 'consularAssistance',
} as const satisfies Record<string, DataClass>;

export const filterClasses = {} as const satisfies Record<string, DataClass>;

export const changeEvents = {} as const satisfies Record<string, ChangeEventDeclaration>;

/** The person reads their own registrations and cases. */
export const federationReads = {
  subject: ['consularRegistration', 'consularAssistance'],
} as const satisfies FederationReadsDeclaration;

/** A consulate called about a detained citizen knows a name, rarely the PIN. */
export const searchRoles = ['CONSULAR_OFFICER'] as const satisfies readonly Role[];
export const introspectionRoles = ['CONSULAR_OFFICER'] as const satisfies readonly Role[];
