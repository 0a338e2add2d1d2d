import type {
  ChangeEventDeclaration,
  DataClassDeclaration,
  FederationReadsDeclaration,
  PurposePolicy,
  RolePolicy,
  SubgraphDeclaration,
} from './declaration';
import type { DataClass, Role } from './index';

/** The Ministry of Labour: employment abroad, reintegration programmes, skills. */
export const subgraph = {
  name: 'labour',
  agency: 'Ministry of Labour, Social Security and Migration',
  port: 4002,
} as const satisfies SubgraphDeclaration;

export const dataClasses = {
  employmentSummary: { description: 'Employment abroad: country, sector, dates' },
  employmentDetail: { description: 'Employer, formal contract, permits' },
  labourServices: { description: 'Reintegration enrolments, skills and certifications' },
} as const satisfies Record<string, DataClassDeclaration>;

export const purposes = {
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
} as const satisfies Record<string, PurposePolicy>;

export const roles = {
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
} as const satisfies Record<string, RolePolicy>;

export const fieldClasses = {
  'Person.employment': 'employmentSummary',
  'EmploymentRecord.employer': 'employmentDetail',
  'EmploymentRecord.formal': 'employmentDetail',
  'EmploymentRecord.permitType': 'employmentDetail',
  'EmploymentRecord.permitNumber': 'employmentDetail',
  // A history shows earlier values and reasons: the most restrictive class of the record's fields.
  'EmploymentRecord.versions': 'employmentDetail',
  'Person.reintegrationEnrolments': 'labourServices',
  'Person.skills': 'labourServices',
} as const satisfies Record<string, DataClass>;

export const writeClasses = {
  'Mutation.recordEmployment': 'employmentDetail',
  'Mutation.correctEmploymentRecord': 'employmentDetail',
  'Mutation.voidEmploymentRecord': 'employmentDetail',
  'Mutation.enrolInReintegration': 'labourServices',
  'Mutation.updateReintegrationStatus': 'labourServices',
  'Mutation.recordSkill': 'labourServices',
} as const satisfies Record<string, DataClass>;

export const filterClasses = {} as const satisfies Record<string, DataClass>;

export const changeEvents = {} as const satisfies Record<string, ChangeEventDeclaration>;

export const federationReads = {
  subject: ['employmentSummary', 'employmentDetail', 'labourServices'],
} as const satisfies FederationReadsDeclaration;

export const searchRoles = ['LABOUR_OFFICER'] as const satisfies readonly Role[];
export const introspectionRoles = ['LABOUR_OFFICER'] as const satisfies readonly Role[];
