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
 * The Social Fund: insurance periods, contributions, pension entitlement, and the exchange with
 * partner pension institutions abroad, which reach it through the gateway as PARTNER.
 */
export const subgraph = {
  name: 'pensions',
  agency: 'Social Fund',
  port: 4004,
  // The gateway's refusals of unregistered partner operations, for the Social Fund's audit.
  signedRoutes: { refusalAudit: '/audit/refusals' },
} as const satisfies SubgraphDeclaration;

export const dataClasses = {
  pensions: {
    description: 'Insurance periods, contributions, service summary, pension entitlement',
  },
  pensionExchange: {
    description:
      'Exchange with partner pension institutions: cases, documents, periods sent and received, decisions',
    partnerExchange: true,
  },
} as const satisfies Record<string, DataClassDeclaration>;

export const purposes = {
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
  PENSION_EXCHANGE: {
    why: 'A partner institution exchanges the documents of its own cases, nothing else.',
    writes: ['pensionExchange'],
    reads: ['pensionExchange'],
  },
} as const satisfies Record<string, PurposePolicy>;

export const roles = {
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
  PARTNER: {
    purposes: ['PENSION_EXCHANGE'],
    reads: ['pensionExchange'],
    writes: null,
    submits: ['pensionExchange'],
    partnerCasesOnly: true,
  },
} as const satisfies Record<string, RolePolicy>;

/** Exchange messages a partner submits are classified here, not in writeClasses. */
export const fieldClasses = {
  'Person.insurancePeriods': 'pensions',
  'Person.contributions': 'pensions',
  'InsurancePeriod.versions': 'pensions',
  'PensionContribution.versions': 'pensions',
  'Person.serviceSummary': 'pensions',
  'Person.pensionEntitlement': 'pensions',
  'Query.pensionExchangeCase': 'pensionExchange',
  'Query.pensionExchangeCases': 'pensionExchange',
  // Read on its own, so that the person's log shows their Kyrgyz periods went to the partner.
  'PensionExchangeCase.kyrgyzPeriods': 'pensionExchange',
  'Mutation.openPensionExchangeCase': 'pensionExchange',
  'Mutation.submitPensionExchangePeriods': 'pensionExchange',
  'Mutation.invalidatePensionExchangeDocument': 'pensionExchange',
  'Mutation.remindPensionExchangeDocument': 'pensionExchange',
  'Mutation.acknowledgePensionExchangeDocument': 'pensionExchange',
} as const satisfies Record<string, DataClass>;

export const writeClasses = {
  'Mutation.recordInsurancePeriod': 'pensions',
  'Mutation.correctInsurancePeriod': 'pensions',
  'Mutation.voidInsurancePeriod': 'pensions',
  'Mutation.recordContribution': 'pensions',
  'Mutation.correctPensionContribution': 'pensions',
  'Mutation.voidPensionContribution': 'pensions',
  'Mutation.recordPensionDecision': 'pensionExchange',
} as const satisfies Record<string, DataClass>;

export const filterClasses = {} as const satisfies Record<string, DataClass>;

export const changeEvents = {
  PENSION_DECISION_RECORDED: {
    dataClass: 'pensionExchange',
    description:
      'The Social Fund recorded a pension decision in an exchange case (recordPensionDecision).',
  },
  EXCHANGE_DOCUMENT_RECEIVED: {
    dataClass: 'pensionExchange',
    description:
      'A partner institution submitted a document (submitPensionExchangePeriods), accepted or rejected.',
  },
} as const satisfies Record<string, ChangeEventDeclaration>;

export const federationReads = {
  subject: ['pensions', 'pensionExchange'],
} as const satisfies FederationReadsDeclaration;

/** Partners neither search nor introspect. */
export const searchRoles = ['PENSION_OFFICER'] as const satisfies readonly Role[];
export const introspectionRoles = ['PENSION_OFFICER'] as const satisfies readonly Role[];
