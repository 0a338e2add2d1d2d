import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Kind,
  parse,
  print,
  type FieldDefinitionNode,
  type ObjectTypeDefinitionNode,
} from 'graphql';
import { MongoClient, type Db } from 'mongodb';
import { ROLE_POLICY, type Agency, type Purpose, type Role } from '@jol/schema';
import type { PartnerManifest } from '@jol/client';
import { PartnerClient } from '@jol/client';
import { REPO_ROOT } from '@jol/tools';
import { startTestSystem, type TestSystem } from '../system/test-system';
import { oracleMayWrite, oraclePurposes, ROLE_ORACLE } from './policy-oracle';

/**
 * Writes honour region scope, generated from the supergraph: for every mutation, an officer of the
 * owning agency scoped to Jalal-Abad, writing deliberately invalid values about a person of Osh, is
 * refused FORBIDDEN before any check that reads stored data: the answer names none of the person's
 * stored facts, is the same as for a PIN (or record id) nobody has, and nothing is written.
 */

const SUPERGRAPH = parse(readFileSync(join(REPO_ROOT, 'schema', 'supergraph.graphql'), 'utf8'));
const MANIFESTS = join(REPO_ROOT, 'gateway', 'src', 'partner-operations', 'manifests');

/** A mutation of the supergraph: the subgraph (agency) that resolves it and its arguments. */
interface SupergraphMutation {
  name: string;
  agency: Agency;
  /** Each argument's name and type as written in the schema (`ID!`, `RecordScreeningInput!`). */
  args: { name: string; type: string }[];
  /** The named type of the `input` argument, '' without one. */
  inputType: string;
}

/** Every mutation of the supergraph and the subgraph (agency) that resolves it. */
function supergraphMutations(): SupergraphMutation[] {
  const mutation = SUPERGRAPH.definitions.find(
    (d): d is ObjectTypeDefinitionNode =>
      d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === 'Mutation',
  );
  if (!mutation?.fields) throw new Error('the supergraph has no Mutation type');
  return mutation.fields.map((field: FieldDefinitionNode) => {
    const join = field.directives?.find((d) => d.name.value === 'join__field');
    const graph = join?.arguments?.find((a) => a.name.value === 'graph')?.value;
    if (graph?.kind !== Kind.ENUM) throw new Error(`${field.name.value} names no subgraph`);
    let type = field.arguments?.find((a) => a.name.value === 'input')?.type;
    while (type && type.kind !== Kind.NAMED_TYPE) type = type.type;
    return {
      name: field.name.value,
      agency: graph.value.toLowerCase() as Agency,
      args: (field.arguments ?? []).map((a) => ({ name: a.name.value, type: print(a.type) })),
      inputType: type?.name.value ?? '',
    };
  });
}

/** The document that sends every argument of a mutation as a variable of the same name. */
function mutationDocument({ name, args }: SupergraphMutation): string {
  const variables = args.map((a) => `$${a.name}: ${a.type}`).join(', ');
  const passed = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `mutation (${variables}) { ${name}(${passed}) { __typename } }`;
}

/** The fields of an input type of the supergraph. */
function inputFields(name: string): string[] {
  const input = SUPERGRAPH.definitions.find(
    (d) => d.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION && d.name.value === name,
  );
  if (!input || input.kind !== Kind.INPUT_OBJECT_TYPE_DEFINITION) return [];
  return (input.fields ?? []).map((f) => f.name.value);
}

/** The officer role that writes an agency's data, from the policy table. */
function writerOf(agency: Agency): Role {
  const role = (Object.keys(ROLE_POLICY) as Role[]).find((r) => ROLE_POLICY[r].writes === agency);
  if (!role) throw new Error(`no role writes ${agency}`);
  return role;
}

const OSH = '20103196800017';
const UNKNOWN = '10101199900099';
const CHILD = '10505201500055';
const BIRTH = '1968-03-01';
const OTHER_REGION = 'KG-J';
/** An id of the right shape that names no record. */
const NO_RECORD = 'aaaaaaaaaaaaaaaaaaaaaaaa';

/** Stored facts of the Osh person (none of them in any payload below): no answer may name one. */
const MARKERS = [
  '2025-07-29',
  '2023-01-01',
  '2023-12-31',
  '2024-03-03',
  '2024-04-04',
  '2022-06-17',
  '2022-08-08',
  '2025-08-01',
  '2025-08-02',
  '2025-08-03',
  'PARTNER_REPORTED',
  'active TB case',
  'already',
  '1968',
  'Toktogulova',
  'KG-O',
];

/** The records of the Osh person a write may name by id. */
interface Ids {
  tbCase: string;
  enrolment: string;
  consent: string;
  exchangeCase: string;
  episode: string;
  employment: string;
  screening: string;
  insurancePeriod: string;
  contribution: string;
  consularRegistration: string;
  assistanceCase: string;
}

/**
 * Deliberately invalid values for every mutation, about `pin` (or the records `ids` name): each
 * would fail on a check of the person's stored data (an overlap, a conflict, a date before a stored
 * date) if the scope were not decided first. A mutation added to the graph must be added here: the
 * walk fails until it is.
 */
type Invalid = (pin: string, ids: Ids) => Record<string, unknown>;

/** A correction or void of the stored record `idOf` names, with `input` as the new values. */
const revision =
  (idOf: (ids: Ids) => string, input?: Invalid): Invalid =>
  (pin, ids) => ({
    id: idOf(ids),
    version: 1,
    reason: 'Write-scope walk',
    ...(input ? { input: input(pin, ids) } : {}),
  });

const INVALID: Record<string, Invalid> = {
  registerPerson: (pin) => ({
    pin,
    nameCyrillic: { last: 'Асанова', first: 'Айгуль' },
    nameLatin: { last: 'Asanova', first: 'Aigul' },
    birthDate: '1990-01-01',
    sex: 'FEMALE',
    homeRegion: 'KG-B',
    russianProficiency: 'GOOD',
  }),
  registerDeparture: (pin) => ({ pin, departedOn: '2025-08-01', country: 'RU', purpose: 'WORK' }),
  registerReturn: (pin) => ({ pin, returnedOn: '2025-07-01' }),
  recordDependant: (pin) => ({ pin, childPin: CHILD, relation: 'CHILD', caregiver: 'GRANDPARENT' }),
  recordEntryBan: (pin) => ({
    pin,
    country: 'RU',
    from: '2024-01-01',
    until: '2022-01-01',
    reason: 'OVERSTAY',
  }),
  recordEmployment: (pin) => ({
    pin,
    country: 'RU',
    employer: 'Marker Stroy',
    sector: 'CONSTRUCTION',
    formal: true,
    permitType: 'PATENT',
    permitNumber: 'PN-0001',
    from: '2023-06-01',
  }),
  enrolInReintegration: (pin) => ({ pin, programme: 'COUNSELLING', enrolledOn: '1950-01-01' }),
  updateReintegrationStatus: (_pin, ids) => ({
    id: ids.enrolment,
    status: 'COMPLETED',
    on: '2000-01-01',
  }),
  recordSkill: (pin) => ({ pin, name: 'Welding', level: 'BASIC' }),
  grantHealthConsent: (pin) => ({
    pin,
    recipientAgency: 'LABOUR',
    purpose: 'EMPLOYMENT_SERVICES',
    expiresOn: '2030-01-01',
  }),
  revokeHealthConsent: (_pin, ids) => ({ id: ids.consent }),
  setHealthInsurance: (pin) => ({
    pin,
    status: 'INSURED',
    scheme: 'MANDATORY',
    validFrom: '1950-01-01',
    validUntil: '1949-01-01',
  }),
  recordScreening: (pin) => ({
    pin,
    kind: 'TB',
    result: 'NEGATIVE',
    screenedOn: '1950-01-01',
    facility: 'Osh City TB Dispensary',
  }),
  recordTbCase: (pin) => ({ pin, diagnosedOn: '2025-01-01', drugResistant: false }),
  recordTbOutcome: (_pin, ids) => ({ id: ids.tbCase, outcome: 'CURED', on: '2000-01-01' }),
  updateTbTreatmentStatus: (_pin, ids) => ({ id: ids.tbCase, status: 'COMPLETED' }),
  recordInsurancePeriod: (pin) => ({
    pin,
    country: 'RU',
    from: '2022-07-01',
    to: '2022-07-31',
    type: 'EMPLOYMENT',
    source: 'DOMESTIC',
  }),
  recordContribution: (pin) => ({
    pin,
    paidOn: '1950-01-10',
    periodMonth: '1950-01',
    amount: '100.00',
    currency: 'KGS',
    kind: 'MANDATORY',
  }),
  recordPensionDecision: (_pin, ids) => ({
    caseId: ids.exchangeCase,
    type: 'OLD_AGE',
    result: 'GRANTED',
    effectiveOn: '1990-01-01',
    basis: 'WORK',
  }),
  openPensionExchangeCase: (pin) => ({ pin, foreignId: '000', agreement: 'NONE' }),
  submitPensionExchangePeriods: (pin, ids) => ({
    caseId: ids.exchangeCase,
    pin,
    foreignId: '000',
    idempotencyKey: 'write-scope-1',
    periods: [
      {
        country: 'RU',
        from: '2022-07-01',
        to: '2022-07-31',
        type: 'EMPLOYMENT',
        years: 9,
        months: 0,
        days: 0,
      },
    ],
  }),
  invalidatePensionExchangeDocument: (_pin, ids) => ({
    documentId: ids.exchangeCase,
    reason: 'x',
  }),
  remindPensionExchangeDocument: (_pin, ids) => ({ caseId: ids.exchangeCase }),
  acknowledgePensionExchangeDocument: (_pin, ids) => ({ documentId: ids.exchangeCase }),
  registerConsularRegistration: (pin) => ({
    pin,
    consulate: 'RU_MOSCOW',
    addressCity: 'Moscow',
    from: '1950-01-01',
  }),
  endConsularRegistration: (_pin, ids) => ({ id: ids.consularRegistration, to: '1950-01-01' }),
  openAssistanceCase: (pin) => ({
    pin,
    type: 'DETENTION',
    consulate: 'RU_MOSCOW',
    openedOn: '1950-01-01',
  }),
  // The stored case is closed: a change of its status or a second closing is a conflict.
  updateAssistanceCaseStatus: (_pin, ids) => ({ id: ids.assistanceCase, status: 'IN_PROGRESS' }),
  closeAssistanceCase: (_pin, ids) => ({ id: ids.assistanceCase, closedOn: '1950-01-01' }),
  // Corrections and voids name the stored record by id; their values would overlap or conflict.
  correctMigrationEpisode: revision(
    (ids) => ids.episode,
    (pin) => ({
      pin,
      departedOn: '2025-08-01',
      country: 'RU',
      purpose: 'WORK',
      returnedOn: '2025-07-01',
    }),
  ),
  voidMigrationEpisode: revision((ids) => ids.episode),
  correctEmploymentRecord: revision(
    (ids) => ids.employment,
    (pin) => ({
      pin,
      country: 'RU',
      employer: 'Marker Stroy',
      sector: 'CONSTRUCTION',
      formal: true,
      permitType: 'PATENT',
      permitNumber: 'PN-0001',
      from: '1950-01-01',
    }),
  ),
  voidEmploymentRecord: revision((ids) => ids.employment),
  correctHealthScreening: revision(
    (ids) => ids.screening,
    (pin) => ({ pin, kind: 'TB', result: 'NEGATIVE', screenedOn: '1950-01-01', facility: 'X' }),
  ),
  voidHealthScreening: revision((ids) => ids.screening),
  correctInsurancePeriod: revision(
    (ids) => ids.insurancePeriod,
    (pin) => ({
      pin,
      country: 'RU',
      from: '1950-07-01',
      to: '1950-07-31',
      type: 'EMPLOYMENT',
      source: 'DOMESTIC',
    }),
  ),
  voidInsurancePeriod: revision((ids) => ids.insurancePeriod),
  correctPensionContribution: revision(
    (ids) => ids.contribution,
    (pin) => ({
      pin,
      paidOn: '1950-01-10',
      periodMonth: '1950-01',
      amount: '100.00',
      currency: 'KGS',
      kind: 'MANDATORY',
    }),
  ),
  voidPensionContribution: revision((ids) => ids.contribution),
  // Webhook subscriptions: a region-scoped caller may not subscribe (an event names persons of
  // every region), nor manage one; ids of another agency's records name no subscription.
  ...Object.fromEntries(
    (
      [
        ['Migration', 'PERSON_RETURNED'],
        ['Health', 'TB_CASE_OPENED'],
        ['Pensions', 'PENSION_DECISION_RECORDED'],
      ] as const
    ).flatMap(([agency, event]): [string, Invalid][] => [
      [`subscribeTo${agency}Events`, () => ({ events: [event], url: 'https://127.0.0.1/hook' })],
      [`cancel${agency}EventSubscription`, (_pin, ids) => ({ id: ids.consent })],
      [`renew${agency}EventSubscription`, (_pin, ids) => ({ id: ids.consent })],
      [`replay${agency}EventDelivery`, (_pin, ids) => ({ id: ids.tbCase })],
    ]),
  ),
};

/** Mutations about no person, with the reason: they must still refuse a region-scoped writer. */
const ABOUT_NO_PERSON: Record<string, string> = {
  subscribeToMigrationEvents:
    'a subscription names events, and events name persons of every region',
  subscribeToHealthEvents: 'a subscription names events, and events name persons of every region',
  subscribeToPensionsEvents: 'a subscription names events, and events name persons of every region',
};

/** The arguments a mutation is sent with: its invalid `input` alone, or every argument. */
function argumentsOf(m: SupergraphMutation, pin: string, ids: Ids): Record<string, unknown> {
  const values = INVALID[m.name]!(pin, ids);
  return m.args.length === 1 && m.args[0]!.name === 'input' ? { input: values } : values;
}

const MUTATIONS = supergraphMutations();

/**
 * Every mutation with every role the oracle lets make it, declaring each of the role's purposes
 * that does not change the mutation's class: the write must be refused for the purpose alone.
 */
const PURPOSE_REFUSALS = MUTATIONS.flatMap((m) =>
  (Object.keys(ROLE_ORACLE) as Role[])
    .filter((role) => ROLE_ORACLE[role].mutations.includes(m.name))
    .flatMap((role) =>
      oraclePurposes(role)
        .filter((purpose) => !oracleMayWrite(role, purpose, m.name))
        .map((purpose) => [m.name, role, purpose] as [string, Role, Purpose]),
    ),
);

describe('writes honour region scope (every mutation of the supergraph)', () => {
  let jol: TestSystem;
  let mongo: MongoClient;
  let ids: Ids;
  const unknownIds: Ids = {
    tbCase: NO_RECORD,
    enrolment: NO_RECORD,
    consent: NO_RECORD,
    exchangeCase: NO_RECORD,
    episode: NO_RECORD,
    employment: NO_RECORD,
    screening: NO_RECORD,
    insurancePeriod: NO_RECORD,
    contribution: NO_RECORD,
    consularRegistration: NO_RECORD,
    assistanceCase: NO_RECORD,
  };

  const db = (agency: Agency): Db => mongo.db(`${jol.databasePrefix}_${agency}`);

  /** Everything an agency stores but its audit chain: equal before and after a refused write. */
  async function storeOf(agency: Agency): Promise<Record<string, unknown[]>> {
    const collections = await db(agency).listCollections().toArray();
    const snapshot: Record<string, unknown[]> = {};
    for (const { name } of collections.sort((a, b) => a.name.localeCompare(b.name))) {
      if (/audit|nonce/i.test(name)) continue;
      // The outbox's dispatcher marks earlier events fanned out on its own clock: not a write.
      const projection = name === 'change_events' ? { fannedOut: 0 } : {};
      snapshot[name] = await db(agency)
        .collection(name)
        .find({}, { projection })
        .sort({ _id: 1 })
        .toArray();
    }
    return snapshot;
  }

  /** The newest audit event of an agency: the specs here send one request at a time. */
  const latestEvent = (agency: Agency) =>
    db(agency).collection('audit_events').find().sort({ seq: -1 }).limit(1).next();

  async function ok<T>(role: Role, query: string, input: Record<string, unknown>): Promise<T> {
    const client = await jol.as(role);
    const result = await client(query, { input });
    expect(result.errors).toBeUndefined();
    return result.data as T;
  }

  beforeAll(async () => {
    jol = await startTestSystem('write-scope');
    mongo = await MongoClient.connect(process.env.MONGODB_URI!);
    await ok(
      'MIGRATION_OFFICER',
      'mutation ($input: RegisterPersonInput!) { registerPerson(input: $input) { pin } }',
      {
        pin: OSH,
        nameCyrillic: { last: 'Токтогулова', first: 'Айжан' },
        nameLatin: { last: 'Toktogulova', first: 'Aizhan' },
        birthDate: BIRTH,
        sex: 'FEMALE',
        homeRegion: 'KG-O',
        russianProficiency: 'GOOD',
      },
    );
    const departed = await ok<{ registerDeparture: { id: string } }>(
      'MIGRATION_OFFICER',
      'mutation ($input: RegisterDepartureInput!) { registerDeparture(input: $input) { id } }',
      {
        pin: OSH,
        departedOn: '2025-07-29',
        country: 'RU',
        purpose: 'WORK',
      },
    );
    await ok(
      'MIGRATION_OFFICER',
      'mutation ($input: RecordDependantInput!) { recordDependant(input: $input) { relation } }',
      {
        pin: OSH,
        childPin: CHILD,
        relation: 'CHILD',
        caregiver: 'GRANDPARENT',
      },
    );
    const employed = await ok<{ recordEmployment: { id: string } }>(
      'LABOUR_OFFICER',
      'mutation ($input: RecordEmploymentInput!) { recordEmployment(input: $input) { id } }',
      {
        pin: OSH,
        country: 'RU',
        employer: 'Marker Stroy',
        sector: 'CONSTRUCTION',
        formal: true,
        permitType: 'PATENT',
        permitNumber: 'PN-0001',
        from: '2023-01-01',
        to: '2023-12-31',
      },
    );
    const enrolled = await ok<{ enrolInReintegration: { id: string } }>(
      'LABOUR_OFFICER',
      'mutation ($input: EnrolInReintegrationInput!) { enrolInReintegration(input: $input) { id } }',
      { pin: OSH, programme: 'JOB_PLACEMENT', enrolledOn: '2024-03-03' },
    );
    await ok(
      'LABOUR_OFFICER',
      'mutation ($input: RecordSkillInput!) { recordSkill(input: $input) { id } }',
      {
        pin: OSH,
        name: 'Welding',
        level: 'ADVANCED',
      },
    );
    const tbCase = await ok<{ recordTbCase: { id: string } }>(
      'HEALTH_OFFICER',
      'mutation ($input: RecordTbCaseInput!) { recordTbCase(input: $input) { id } }',
      { pin: OSH, diagnosedOn: '2024-04-04', drugResistant: false },
    );
    const consent = await ok<{ grantHealthConsent: { id: string } }>(
      'HEALTH_OFFICER',
      'mutation ($input: GrantHealthConsentInput!) { grantHealthConsent(input: $input) { id } }',
      {
        pin: OSH,
        recipientAgency: 'LABOUR',
        purpose: 'EMPLOYMENT_SERVICES',
        expiresOn: '2030-01-01',
      },
    );
    const screened = await ok<{ recordScreening: { id: string } }>(
      'HEALTH_OFFICER',
      'mutation ($input: RecordScreeningInput!) { recordScreening(input: $input) { id } }',
      {
        pin: OSH,
        kind: 'TB',
        result: 'NEGATIVE',
        screenedOn: '2024-04-04',
        facility: 'Osh City TB Dispensary',
      },
    );
    const insured = await ok<{ recordInsurancePeriod: { id: string } }>(
      'PENSION_OFFICER',
      'mutation ($input: RecordInsurancePeriodInput!) { recordInsurancePeriod(input: $input) { id } }',
      {
        pin: OSH,
        country: 'RU',
        from: '2022-06-17',
        to: '2022-08-08',
        type: 'EMPLOYMENT',
        source: 'PARTNER_REPORTED',
      },
    );
    const contributed = await ok<{ recordContribution: { id: string } }>(
      'PENSION_OFFICER',
      'mutation ($input: RecordContributionInput!) { recordContribution(input: $input) { id } }',
      {
        pin: OSH,
        paidOn: '2023-12-31',
        periodMonth: '2023-12',
        amount: '1500.00',
        currency: 'KGS',
        kind: 'MANDATORY',
      },
    );
    const registered = await ok<{ registerConsularRegistration: { id: string } }>(
      'CONSULAR_OFFICER',
      'mutation ($input: RegisterConsularRegistrationInput!) { registerConsularRegistration(input: $input) { id } }',
      { pin: OSH, consulate: 'RU_MOSCOW', addressCity: 'Moscow', from: '2025-08-01' },
    );
    const assisted = await ok<{ openAssistanceCase: { id: string } }>(
      'CONSULAR_OFFICER',
      'mutation ($input: OpenAssistanceCaseInput!) { openAssistanceCase(input: $input) { id } }',
      { pin: OSH, type: 'LOST_DOCUMENTS', consulate: 'RU_MOSCOW', openedOn: '2025-08-02' },
    );
    await ok(
      'CONSULAR_OFFICER',
      'mutation ($input: CloseAssistanceCaseInput!) { closeAssistanceCase(input: $input) { id } }',
      { id: assisted.openAssistanceCase.id, closedOn: '2025-08-03' },
    );
    const partner = new PartnerClient({
      url: jol.graphqlUrl,
      token: await jol.token('PARTNER', { partner: 'RU-SFR', sub: 'ru-sfr-system' }),
      manifest: JSON.parse(readFileSync(join(MANIFESTS, 'RU-SFR.json'), 'utf8')) as PartnerManifest,
    });
    const opened = await partner.openCase({
      pin: OSH,
      foreignId: '112-233-445 95',
      agreement: 'EAEU-2019',
    });
    ids = {
      tbCase: tbCase.recordTbCase.id,
      enrolment: enrolled.enrolInReintegration.id,
      consent: consent.grantHealthConsent.id,
      exchangeCase: opened.caseId,
      episode: departed.registerDeparture.id,
      employment: employed.recordEmployment.id,
      screening: screened.recordScreening.id,
      insurancePeriod: insured.recordInsurancePeriod.id,
      contribution: contributed.recordContribution.id,
      consularRegistration: registered.registerConsularRegistration.id,
      assistanceCase: assisted.openAssistanceCase.id,
    };
  });
  afterAll(async () => {
    await mongo?.close();
    await jol?.stop();
  });

  it('walks every mutation of the supergraph, each naming a person by PIN or a record by id', () => {
    expect(Object.keys(INVALID).sort()).toEqual(MUTATIONS.map((m) => m.name).sort());
    for (const { name, inputType, args } of MUTATIONS) {
      const fields = [...inputFields(inputType), ...args.map((a) => a.name)];
      const named = ['pin', 'id', 'caseId', 'documentId'].some((f) => fields.includes(f));
      expect([name, named]).toEqual([name, !(name in ABOUT_NO_PERSON)]);
    }
  });

  it.each(MUTATIONS.map((m) => [m.name, m.agency] as const))(
    '%s: a region-scoped writer of %s gets FORBIDDEN, the same as for an unknown PIN, and nothing is written',
    async (name, agency) => {
      const writer = await jol.as(writerOf(agency), { region: OTHER_REGION });
      const field = MUTATIONS.find((m) => m.name === name)!;
      const mutation = mutationDocument(field);
      const before = await storeOf(agency);

      const outside = await writer(mutation, argumentsOf(field, OSH, ids));
      const unknown = await writer(mutation, argumentsOf(field, UNKNOWN, unknownIds));

      expect(outside.data ?? null).toBeNull();
      expect(outside.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const answer = JSON.stringify(outside.errors);
      for (const marker of MARKERS)
        expect([name, answer]).not.toEqual([name, expect.stringContaining(marker)]);
      expect(unknown.errors?.map((e) => [e.message, e.extensions?.code])).toEqual(
        outside.errors?.map((e) => [e.message, e.extensions?.code]),
      );
      expect(await storeOf(agency)).toEqual(before);
    },
  );

  it('refuses some writes for their purpose alone (the walk below is not empty)', () => {
    expect(PURPOSE_REFUSALS.length).toBeGreaterThan(0);
  });

  it.each(PURPOSE_REFUSALS)(
    '%s: %s declaring %s, whose purpose does not change that class, gets FORBIDDEN; nothing is written, audited DENIED',
    async (name, role, purpose) => {
      const field = MUTATIONS.find((m) => m.name === name)!;
      // The owner's officer of the person's own region: only the purpose stands in the way.
      const writer = await jol.as(role, { region: 'KG-O' }, purpose);
      const before = await storeOf(field.agency);
      const answer = await writer(mutationDocument(field), argumentsOf(field, OSH, ids));
      expect(answer.data ?? null).toBeNull();
      expect(answer.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
        ['FORBIDDEN', `You may not read or write Mutation.${name}`],
      ]);
      expect(await storeOf(field.agency)).toEqual(before);
      expect(await latestEvent(field.agency)).toMatchObject({
        purpose,
        refused: [`Mutation.${name}`],
        served: [],
        failed: [],
        outcome: 'DENIED',
      });
    },
  );

  it('answers person(pin) the same for an unknown PIN and a person of another region', async () => {
    const officer = await jol.as('LABOUR_OFFICER', { region: OTHER_REGION });
    const query = 'query ($pin: PIN!) { person(pin: $pin) { pin homeRegion } }';
    const outside = await officer(query, { pin: OSH });
    const unknown = await officer(query, { pin: UNKNOWN });
    expect(outside.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(unknown.data).toEqual(outside.data);
    expect(unknown.errors?.map((e) => [e.message, e.extensions?.code])).toEqual(
      outside.errors?.map((e) => [e.message, e.extensions?.code]),
    );
  });

  it('lets a purpose that reads the home region but not the birth date write, except dated records, named why', async () => {
    const officer = await jol.as('HEALTH_OFFICER', { region: 'KG-O' }, 'PUBLIC_HEALTH');
    const updated = await officer(
      'mutation ($input: UpdateTbTreatmentStatusInput!) { updateTbTreatmentStatus(input: $input) { __typename } }',
      { input: { id: ids.tbCase, status: 'IN_TREATMENT' } },
    );
    expect(updated.errors).toBeUndefined();
    const before = await storeOf('health');
    const screened = await officer(
      'mutation ($input: RecordScreeningInput!) { recordScreening(input: $input) { id } }',
      {
        input: {
          pin: OSH,
          kind: 'HIV',
          result: 'NEGATIVE',
          screenedOn: '2024-05-05',
          facility: 'Osh City AIDS Centre',
        },
      },
    );
    expect(screened.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
      ['FORBIDDEN', expect.stringMatching(/^screenedOn .*Person\.birthDate.*purpose/)],
    ]);
    expect(screened.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN' });
    expect(await storeOf('health')).toEqual(before);
    // A refusal by the access rules, though it came while the write ran: DENIED, not FAILED.
    expect(await latestEvent('health')).toMatchObject({
      purpose: 'PUBLIC_HEALTH',
      served: [],
      refused: ['Mutation.recordScreening'],
      failed: [],
      pins: [OSH],
      outcome: 'DENIED',
    });
  });

  it('lets an officer of the home region write, and refuses a record dated before birth', async () => {
    const officer = await jol.as('PENSION_OFFICER', { region: 'KG-O' });
    const period = (from: string, to: string) =>
      officer(
        'mutation ($input: RecordInsurancePeriodInput!) { recordInsurancePeriod(input: $input) { from } }',
        { input: { pin: OSH, country: 'KG', from, to, type: 'EMPLOYMENT', source: 'DOMESTIC' } },
      );
    const before = await storeOf('pensions');
    const early = await period('1950-01-01', '1950-12-31');
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
    expect(await storeOf('pensions')).toEqual(before);
    // An allowed write that failed validation: FAILED, not DENIED.
    expect(await latestEvent('pensions')).toMatchObject({
      served: [],
      refused: [],
      failed: ['Mutation.recordInsurancePeriod'],
      pins: [OSH],
      outcome: 'FAILED',
    });
    const fine = await period('1990-01-01', '1990-12-31');
    expect(fine.errors).toBeUndefined();
    expect(fine.data).toEqual({ recordInsurancePeriod: { from: '1990-01-01' } });
  });
});
