import type { Purpose, Role } from '@jol/schema';
import { REGISTERED_OPERATIONS } from './registered';

/**
 * Example operations offered in GraphiQL, by role. A unit test validates every one against the
 * committed supergraph and checks that its purpose is one its role may declare, so an example that
 * stops working fails the build rather than a user. To add one, append an entry.
 */
export interface ExampleOperation {
  /** Shown in the picker; unique within its role. */
  title: string;
  /** The role whose token the operation is meant for. */
  role: Role;
  /** The purpose sent as `X-Purpose` when the example is loaded. */
  purpose: Purpose;
  query: string;
  variables?: Record<string, unknown>;
}

/**
 * A PIN the synthetic data creates (`npm start`, seed 1: Gulmira Alieva of Osh, returned, with stays
 * abroad, jobs, a screening and insurance periods); real PINs never appear in the page.
 */
export const SAMPLE_PIN = '11106198286659';

/** A partner's example is an operation registered for it, which GraphiQL sends by its id. */
const registered = (name: string) => {
  const operation = REGISTERED_OPERATIONS.find((op) => op.name === name);
  if (!operation) throw new Error(`no partner operation ${name} is registered`);
  return operation.body;
};

export const EXAMPLE_OPERATIONS: readonly ExampleOperation[] = [
  {
    title: 'Person: identity, status and stays abroad',
    role: 'MIGRATION_OFFICER',
    purpose: 'MIGRATION_REGISTRATION',
    query: `query MigrationRecord($pin: PIN!) {
  person(pin: $pin) {
    pin
    nameLatin { last first patronymic }
    birthDate
    homeRegion
    status
    episodes { departedOn country city purpose returnedOn }
    entryBans { country from until reason }
    dependants { childPin relation caregiver }
  }
}`,
    variables: { pin: SAMPLE_PIN },
  },
  {
    title: 'Persons abroad in Russia, by region',
    role: 'MIGRATION_OFFICER',
    purpose: 'RETURNEE_SUPPORT',
    query: `query AbroadInRussia($region: Region) {
  persons(first: 20, filter: { destination: "RU", region: $region }) {
    edges { node { pin nameLatin { last first } status } }
    pageInfo { hasNextPage endCursor }
  }
}`,
    variables: { region: 'KG-J' },
  },
  {
    title: 'Person: jobs abroad, skills and programmes',
    role: 'LABOUR_OFFICER',
    purpose: 'EMPLOYMENT_SERVICES',
    query: `query LabourRecord($pin: PIN!) {
  person(pin: $pin) {
    pin
    nameLatin { last first }
    employment { country employer sector formal permitType from to }
    skills { name level certifiedBy certifiedOn }
    reintegrationEnrolments { programme status enrolledOn completedOn }
  }
}`,
    variables: { pin: SAMPLE_PIN },
  },
  {
    title: 'Person: screenings, TB cases and insurance',
    role: 'HEALTH_OFFICER',
    purpose: 'MEDICAL_CARE',
    query: `query HealthRecord($pin: PIN!) {
  person(pin: $pin) {
    pin
    nameLatin { last first }
    screenings { kind result screenedOn facility }
    tbCases { diagnosedOn treatmentStatus outcome outcomeOn drugResistant }
    healthInsurance { status scheme validFrom validUntil }
  }
}`,
    variables: { pin: SAMPLE_PIN },
  },
  {
    title: 'Person: insurance periods and service',
    role: 'PENSION_OFFICER',
    purpose: 'PENSION_ASSESSMENT',
    query: `query PensionRecord($pin: PIN!) {
  person(pin: $pin) {
    pin
    nameLatin { last first }
    insurancePeriods { country from to type source }
    serviceSummary {
      home { years months days }
      abroad { years months days }
      total { years months days }
      countries
    }
  }
}`,
    variables: { pin: SAMPLE_PIN },
  },
  {
    title: 'Person: consular registrations and assistance cases',
    role: 'CONSULAR_OFFICER',
    purpose: 'CONSULAR_ASSISTANCE',
    query: `query ConsularRecord($pin: PIN!) {
  person(pin: $pin) {
    pin
    nameLatin { last first patronymic }
    episodes { departedOn country city returnedOn }
    consularRegistrations { consulate country addressCity from to }
    assistanceCases { id type status consulate country openedOn closedOn }
  }
}`,
    variables: { pin: SAMPLE_PIN },
  },
  {
    title: 'Opening an assistance case at a consulate',
    role: 'CONSULAR_OFFICER',
    purpose: 'CONSULAR_ASSISTANCE',
    query: `mutation OpenAssistanceCase($input: OpenAssistanceCaseInput!) {
  openAssistanceCase(input: $input) { id type status consulate country openedOn }
}`,
    variables: {
      input: {
        pin: SAMPLE_PIN,
        type: 'LOST_DOCUMENTS',
        consulate: 'RU_MOSCOW',
        openedOn: '2025-03-01',
      },
    },
  },
  {
    title: 'Indicators from the four agencies, by region and sex',
    role: 'ANALYST',
    purpose: 'STATISTICS',
    query: `query Indicators($filter: IndicatorFilter, $by: [IndicatorDimension!]) {
  indicators(filter: $filter, by: $by) {
    filter { fromYear toYear }
    personsAbroad {
      dimensions minCellSize asOf
      rows { region sex value suppressed }
      margins { region sex value suppressed }
      total { value suppressed }
    }
    womenShareAbroad { total { value suppressed } }
    aged15To29ShareAbroad { total { value suppressed } }
    destinations { rows { destination value suppressed } }
    employedAbroad { total { value suppressed } }
    formalEmploymentShare { total { value suppressed } }
    activeTbCases { total { value suppressed } }
    returneeShareOfActiveTb { total { value suppressed } }
    insuredAbroad { total { value suppressed } }
    voluntaryContributors { total { value suppressed } }
  }
}`,
    variables: { filter: { year: 2025 }, by: ['REGION', 'SEX'] },
  },
  {
    title: 'Consular assistance cases by country and type',
    role: 'ANALYST',
    purpose: 'STATISTICS',
    query: `query ConsularIndicators($filter: IndicatorFilter) {
  indicators(filter: $filter, by: [DESTINATION]) {
    assistanceCases { dimensions minCellSize rows { destination value suppressed } total { value suppressed } }
    detentionCases { rows { destination value suppressed } }
    deathsAbroad { rows { destination value suppressed } }
    labourExploitationCases { rows { destination value suppressed } }
    lostDocumentsCases { rows { destination value suppressed } }
  }
}`,
    variables: { filter: { fromYear: 2020, toYear: 2025 } },
  },
  {
    title: 'Schema: the root operation types',
    role: 'ANALYST',
    purpose: 'STATISTICS',
    query: `query RootTypes {
  __schema {
    queryType { name }
    mutationType { name }
  }
}`,
  },
  {
    title: 'Partner institutions and agreements (registered operation PensionPartners)',
    role: 'PARTNER',
    purpose: 'PENSION_EXCHANGE',
    query: registered('PensionPartners'),
  },
  {
    title: 'Schema: the root operation types',
    role: 'AUDITOR',
    purpose: 'AUDIT',
    query: `query RootTypes {
  __schema {
    queryType { name }
    mutationType { name }
  }
}`,
  },
  {
    title: 'My record across the agencies',
    role: 'DATA_SUBJECT',
    purpose: 'SELF_SERVICE',
    query: `query MyRecord($pin: PIN!) {
  person(pin: $pin) {
    pin
    nameLatin { last first patronymic }
    status
    episodes { departedOn country returnedOn }
    employment { country sector from to }
    screenings { kind result screenedOn }
    serviceSummary { total { years months days } }
    consularRegistrations { consulate from to }
    assistanceCases { type status consulate openedOn closedOn }
  }
}`,
    variables: { pin: SAMPLE_PIN },
  },
];
