import { randomUUID } from 'node:crypto';
import type { GraphQLFormattedError } from 'graphql';
import type { Connection } from 'mongoose';
import { ROLE_POLICY } from './access/policy';
import type { Role } from './access/roles';
import {
  subjectDirectoryUnavailable,
  type SubjectAnswer,
  type SubjectDirectoryFactory,
} from './access/subject-directory';
import type { PersonRegisterFactory } from './access/person-register';
import type { SubgraphAccessOptions } from './subgraph-server';
import type { Caller } from './context';
import { createLogger, type Logger } from './logger';
import { connectStore, ensureIndexes } from './store';
import type { SubgraphServer } from './subgraph-server';

/**
 * Helpers for service tests: a fresh database on the real store the test run started
 * (`MONGODB_URI`), and operations executed through the subgraph's own Apollo Server.
 */
export async function openTestDatabase(agency: string): Promise<Connection> {
  const uri = process.env.MONGODB_URI;
  if (!uri)
    throw new Error('MONGODB_URI is not set: service tests run under the jest global setup');
  return connectStore({ uri, dbName: `test_${agency}_${randomUUID().slice(0, 8)}` });
}

export async function dropTestDatabase(connection: Connection): Promise<void> {
  await connection.dropDatabase();
  await connection.close();
}

export const quietLogger = () => createLogger('test', 'silent');

export interface ExecuteResult<TData = Record<string, unknown>> {
  data?: TData | null;
  errors?: readonly GraphQLFormattedError[];
}

/**
 * The person register a service test runs against, in place of the migration service the subject
 * directory asks in production: PIN -> answer. A PIN it does not list is a registered person of
 * unknown home region and birth date (so a region-scoped writer is refused it); a test that needs
 * a home region, a birth date, an unknown PIN or an unreachable register sets it here.
 */
export type TestRegister = Map<string, SubjectAnswer | 'unreachable'>;

/** A subject directory over a test register, consulted afresh at every question. */
export function testSubjectDirectory(register: TestRegister = new Map()): SubjectDirectoryFactory {
  return () => ({
    find: async (pin) => {
      const answer = register.get(pin);
      if (answer === 'unreachable') throw subjectDirectoryUnavailable();
      return answer ?? { kind: 'known', facts: { homeRegion: null, birthDate: null } };
    },
  });
}

/**
 * The person register (service identity) over the same test register: a PIN it does not list is
 * registered with no known birth date; an answer of `unknown` or `unreachable` is kept, and a
 * person refused to the caller is still registered (the service identity reads every PIN).
 */
export function testPersonRegister(register: TestRegister = new Map()): PersonRegisterFactory {
  return () => ({
    find: async (pin) => {
      const answer = register.get(pin);
      if (answer === 'unreachable') throw subjectDirectoryUnavailable();
      if (answer?.kind === 'unknown') return { kind: 'unknown' };
      return {
        kind: 'registered',
        birthDate: answer?.kind === 'known' ? answer.facts.birthDate : null,
      };
    },
  });
}

/** A registered person of the test register, born on `birthDate` (YYYY-MM-DD). */
export function registeredPerson(homeRegion: string, birthDate: string): SubjectAnswer {
  return { kind: 'known', facts: { homeRegion, birthDate: new Date(`${birthDate}T00:00:00Z`) } };
}

/**
 * Access options for service tests, which call Apollo Server directly (no HTTP, so no signature
 * and no token to verify; the caller is given to `execute`).
 */
export function testAccess(register: TestRegister = new Map()): SubgraphAccessOptions {
  return {
    signingKeys: [{ id: 'service-tests', secret: 'service-tests-do-not-sign-requests-0000' }],
    verifyToken: async () => {
      throw new Error('service tests pass the caller directly');
    },
    subjectDirectory: testSubjectDirectory(register),
    personRegister: testPersonRegister(register),
  };
}

/** Who an operation runs as: the caller (null: anonymous) and the purpose declared (null: none). */
export interface ExecuteAs {
  caller?: Caller | null;
  purpose?: string | null;
}

/** A request without a token and without a purpose. */
export const anonymous: ExecuteAs = { caller: null, purpose: null };

/** A caller with one role, and the first purpose that role may declare. */
export function callerAs(
  role: Role,
  extra: Partial<Caller> = {},
): { caller: Caller; purpose: string } {
  return {
    caller: { sub: `test-${role.toLowerCase()}`, roles: [role], ...extra },
    purpose: ROLE_POLICY[role].purposes[0]!,
  };
}

/** A caller with one role declaring the given purpose (null: none) instead of the role's first. */
export function callerWithPurpose(
  role: Role,
  purpose: string | null,
  extra: Partial<Caller> = {},
): { caller: Caller; purpose: string | null } {
  return { ...callerAs(role, extra), purpose };
}

/** The officer role that writes a subgraph's data: the default caller of its service tests. */
export function officerOf(service: string): Role {
  const entry = Object.entries(ROLE_POLICY).find(([, policy]) => policy.writes === service);
  if (!entry) throw new Error(`no officer role writes ${service}`);
  return entry[0] as Role;
}

/**
 * Runs one operation through the server's Apollo Server, as an HTTP request would, with the access
 * rules applied. The caller defaults to an officer of the server's own agency with that role's
 * first purpose; pass `caller: null` for an anonymous request.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function execute<TData = Record<string, any>, L = unknown, M = unknown>(
  server: SubgraphServer<L, M>,
  query: string,
  variables: Record<string, unknown> = {},
  options: ExecuteAs & { headers?: Record<string, string> } = {},
): Promise<ExecuteResult<TData>> {
  const fallback = callerAs(officerOf(server.name));
  const caller = options.caller === undefined ? fallback.caller : options.caller;
  const purpose =
    options.purpose === undefined
      ? options.caller === undefined
        ? fallback.purpose
        : null
      : options.purpose;
  const headers = { ...(purpose ? { 'x-purpose': purpose } : {}), ...options.headers };
  const response = await server.apollo.executeOperation(
    { query, variables },
    { contextValue: server.createContext(headers, caller) },
  );
  if (response.body.kind !== 'single') throw new Error('incremental responses are not used in Jol');
  return response.body.singleResult as ExecuteResult<TData>;
}

/** Prepares a freshly opened test database the way main.ts prepares a real one. */
export async function prepareTestDatabase(connection: Connection): Promise<void> {
  await ensureIndexes(connection);
}

/** A subgraph server on its own test database, for the tests of one describe block. */
export interface TestSubgraph<S> {
  /** The agency the subgraph serves. */
  readonly agency: string;
  readonly server: S;
  readonly connection: Connection;
  /** The audit events written for the request with this `x-request-id`. */
  auditOf(requestId: string): Promise<Record<string, unknown>[]>;
}

/**
 * Opens a fresh database and a server on it before the enclosing block's tests (and before the
 * block's own `beforeAll` hooks, which may seed through it), then stops the server and drops the
 * database after them.
 */
export function useTestSubgraph<S extends { apollo: { stop(): Promise<void> } }>(
  agency: string,
  create: (options: {
    connection: Connection;
    log: Logger;
    access: SubgraphAccessOptions;
  }) => Promise<S>,
  /** The person register the subgraph's writes are scoped by. @default every PIN, no facts */
  register: TestRegister = new Map(),
): TestSubgraph<S> {
  let opened: { connection: Connection; server: S } | undefined;
  const current = () => {
    if (!opened) throw new Error(`the ${agency} test subgraph is used outside its describe block`);
    return opened;
  };
  beforeAll(async () => {
    const connection = await openTestDatabase(agency);
    const server = await create({
      connection,
      log: quietLogger(),
      access: testAccess(register),
    });
    await prepareTestDatabase(connection);
    opened = { connection, server };
  });
  afterAll(async () => {
    const { connection, server } = current();
    opened = undefined;
    await server.apollo.stop();
    await dropTestDatabase(connection);
  });
  return {
    agency,
    get server() {
      return current().server;
    },
    get connection() {
      return current().connection;
    },
    auditOf: (requestId) =>
      current().connection.collection('audit_events').find({ requestId }).toArray(),
  };
}

/** The codes an access rule refuses with. */
export type RefusalCode = 'FORBIDDEN' | 'UNAUTHENTICATED';

/** Who is refused, the code they get, and who they are. */
export type RefusalCase = [who: string, code: RefusalCode, as: ExecuteAs];

/** An `_entities` read of one field for one representation, as the gateway sends it. */
export interface EntityFieldRead {
  /** An `_entities` query selecting the field on the entity. */
  query: string;
  /** The one representation sent. */
  representation: Record<string, unknown>;
  /** The field under test: refused, it answers null at `['_entities', 0, field]`. */
  field: string;
  /** The other fields the query selects on the entity, as they answer. @default {} */
  alongside?: Record<string, unknown>;
}

/** `a health officer` for `HEALTH_OFFICER`. */
function describeRole(role: Role): string {
  const words = role.toLowerCase().replace(/_/g, ' ');
  return /^[aeiou]/.test(words) ? `an ${words}` : `a ${words}`;
}

/**
 * The callers every classified Person field refuses whatever its agency: an analyst, a partner
 * institution, the data subject of another PIN, the field's own officer of another region or
 * declaring a purpose not theirs, and an anonymous caller. Each test adds the field's own.
 */
export function outsidersOf(
  officer: Role,
  options: { otherPin: string; otherRegion: string; foreignPurpose: string; partner?: string },
): RefusalCase[] {
  const { otherPin, otherRegion, foreignPurpose, partner } = options;
  return [
    ['an analyst', 'FORBIDDEN', callerAs('ANALYST')],
    ['a partner institution', 'FORBIDDEN', callerAs('PARTNER', partner ? { partner } : {})],
    ['the data subject of another PIN', 'FORBIDDEN', callerAs('DATA_SUBJECT', { pin: otherPin })],
    [
      `${describeRole(officer)} of another region`,
      'FORBIDDEN',
      callerAs(officer, { region: otherRegion }),
    ],
    [
      `${describeRole(officer)} declaring a purpose not theirs`,
      'FORBIDDEN',
      callerWithPurpose(officer, foreignPurpose),
    ],
    ['an anonymous caller', 'UNAUTHENTICATED', anonymous],
  ];
}

/** The officers of every agency but the given officer's, refused whatever they ask of it. */
export function officersOtherThan(officer: Role): RefusalCase[] {
  return (Object.keys(ROLE_POLICY) as Role[])
    .filter((role) => role !== officer && ROLE_POLICY[role].writes !== null)
    .map((role) => [describeRole(role), 'FORBIDDEN', callerAs(role)]);
}

/**
 * One test per case proving that `_entities` is no side door: the caller gets the field null and
 * exactly one error, with the case's code, at the field's path.
 */
export function itRefusesEntityField<L, M>(
  subgraph: TestSubgraph<SubgraphServer<L, M>>,
  read: EntityFieldRead,
  cases: RefusalCase[],
): void {
  const { query, representation, field, alongside = {} } = read;
  it.each(cases)(`_entities refuses ${field} to %s with %s`, async (_who, code, as) => {
    const result = await execute(subgraph.server, query, { reps: [representation] }, as);
    expect(result.data?._entities).toEqual([{ ...alongside, [field]: null }]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(result.errors?.[0]?.path).toEqual(['_entities', 0, field]);
  });
}

/** One test per case proving that `_entities` gives the caller the field, with this value. */
export function itGivesEntityField<L, M>(
  subgraph: TestSubgraph<SubgraphServer<L, M>>,
  read: EntityFieldRead,
  value: unknown,
  cases: [who: string, as: ExecuteAs][],
): void {
  const { query, representation, field, alongside = {} } = read;
  it.each(cases)(`_entities gives ${field} to %s`, async (_who, as) => {
    const result = await execute(subgraph.server, query, { reps: [representation] }, as);
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([{ ...alongside, [field]: value }]);
  });
}

/** A mutation under test, and what it must leave unchanged when refused. */
export interface RefusedWrite {
  /** The mutation field, for the test titles. */
  name: string;
  mutation: string;
  /** The variables, or a function computing them when each test runs. */
  variables: Record<string, unknown> | (() => Promise<Record<string, unknown>>);
  /** A snapshot of what the mutation would write to: equal before and after a refusal. */
  state: () => Promise<unknown>;
}

/** One test per case proving that the caller is refused the mutation and nothing is written. */
export function itRefusesWrite<L, M>(
  subgraph: TestSubgraph<SubgraphServer<L, M>>,
  write: RefusedWrite,
  cases: RefusalCase[],
): void {
  it.each(cases)(`refuses ${write.name} to %s with %s, writing nothing`, async (_who, code, as) => {
    const variables =
      typeof write.variables === 'function' ? await write.variables() : write.variables;
    const before = await write.state();
    const result = await execute(subgraph.server, write.mutation, variables, as);
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(result.data ?? null).toBeNull();
    expect(await write.state()).toEqual(before);
  });
}

/**
 * One test proving that an officer scoped to the home region of `read.representation` is refused
 * the field when the representation carries no home region: the rule cannot tell where they are.
 */
export function itRefusesWithoutHomeRegion<L, M>(
  subgraph: TestSubgraph<SubgraphServer<L, M>>,
  read: EntityFieldRead,
  officer: Role,
): void {
  const { homeRegion, ...withoutRegion } = read.representation;
  if (typeof homeRegion !== 'string') throw new Error('read.representation carries no homeRegion');
  itRefusesEntityField(subgraph, { ...read, representation: withoutRegion }, [
    [
      `${describeRole(officer)} of the home region when the representation carries none`,
      'FORBIDDEN',
      callerAs(officer, { region: homeRegion }),
    ],
  ]);
}

/** Runs an operation under the request id given and returns its result and the audit it wrote. */
export async function executeAudited<L, M>(
  subgraph: TestSubgraph<SubgraphServer<L, M>>,
  requestId: string,
  query: string,
  variables: Record<string, unknown>,
  as: ExecuteAs = {},
): Promise<{ result: ExecuteResult; events: Record<string, unknown>[] }> {
  const result = await execute(subgraph.server, query, variables, {
    ...as,
    headers: { 'x-request-id': requestId },
  });
  return { result, events: await subgraph.auditOf(requestId) };
}

/** A kind of correctable record, as its service tests drive it. */
export interface RevisionSuite {
  /** The record's API type, as the history and the audit name it (`InsurancePeriod`). */
  entity: string;
  /** The collection the live records are stored in. */
  collection: string;
  /** The mutations: `correct<Entity>` and `void<Entity>`. */
  correct: string;
  void: string;
  /** The input type the record is recorded (and corrected) with. */
  inputType: string;
  /** The record's fields compared in the tests, as a selection. */
  fields: string;
  /** The Person field that lists the records. */
  personField: string;
  /** The `_entities` representation a person is read through. @default with homeRegion KG-C */
  representation?: (pin: string) => Record<string, unknown>;
  /**
   * Records one record about `pin` through the service's own mutation; records of one PIN with
   * different `nth` do not clash. @default nth 0
   */
  record: (pin: string, nth?: number) => Promise<{ id: string; input: Record<string, unknown> }>;
  /** A valid correction of the input a record was recorded with (same PIN). */
  corrected: (input: Record<string, unknown>) => Record<string, unknown>;
  /** Corrections a new record would be refused for: why, the changed input, the field named. */
  invalid: [why: string, change: (input: Record<string, unknown>) => unknown, field?: string][];
  /** The first of the PINs the suite records about; the suite uses 20 from there. */
  firstPin: number;
}

/** A PIN of a woman born on 1 January 1990 with the given serial number. */
export function serialPin(serial: number): string {
  return `20101${1990}${String(serial).padStart(5, '0')}`;
}

/**
 * The tests every correctable record must pass: correction and void kept in the history with the
 * reason and audited, values checked as a new record's, reasons required, only the owning
 * agency's officers, typed NOT_FOUND and CONFLICT, and one winner of two concurrent corrections.
 */
export function describeRevisions<L, M>(
  subgraph: TestSubgraph<SubgraphServer<L, M>>,
  suite: RevisionSuite,
): void {
  const CORRECT = `mutation Correct($id: ID!, $version: Int!, $input: ${suite.inputType}!, $reason: String!) {
    ${suite.correct}(id: $id, version: $version, input: $input, reason: $reason) {
      id version ${suite.fields} superseded { change reason }
    }
  }`;
  const VOID = `mutation Void($id: ID!, $version: Int!, $reason: String!) {
    ${suite.void}(id: $id, version: $version, reason: $reason) {
      id version ${suite.fields} superseded { change reason at }
    }
  }`;
  const HISTORY = `query History($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on Person {
        ${suite.personField} {
          id version ${suite.fields} superseded { change }
          versions { id version ${suite.fields} superseded { change reason at } versions { version } }
        }
      }
    }
  }`;
  const representation =
    suite.representation ?? ((pin: string) => ({ __typename: 'Person', pin, homeRegion: 'KG-C' }));
  const officer = callerAs(officerOf(subgraph.agency));
  let serial = suite.firstPin;
  const nextPin = () => serialPin(serial++);
  const live = () => subgraph.connection.collection(suite.collection);
  const kept = () => subgraph.connection.collection('record_versions');
  const stateOf = async (pin: string) => ({
    live: await live().find({ pin }).sort({ _id: 1 }).toArray(),
    kept: await kept().find({ pin }).sort({ _id: 1 }).toArray(),
  });
  const history = async (pin: string) => {
    const result = await execute(subgraph.server, HISTORY, { reps: [representation(pin)] });
    expect(result.errors).toBeUndefined();
    return (result.data?._entities[0] as Record<string, Record<string, unknown>[]>)[
      suite.personField
    ]!;
  };
  const selected = async (id: string, pin: string) =>
    (await history(pin)).find((record) => record.id === id);

  describe(`${suite.entity}: corrections and voids`, () => {
    it('corrects a record: new values and version, the old version in its history with the reason, the reason and PIN audited', async () => {
      const pin = nextPin();
      const { id, input } = await suite.record(pin);
      const before = await selected(id, pin);
      const input2 = suite.corrected(input);
      const { result, events } = await executeAudited(
        subgraph,
        `correct-${id}`,
        CORRECT,
        { id, version: 1, input: input2, reason: '  Wrong dates keyed in;  see file 12 ' },
        officer,
      );
      expect(result.errors).toBeUndefined();
      const corrected = (result.data as Record<string, Record<string, unknown>>)[suite.correct]!;
      expect(corrected).toMatchObject({ id, version: 2, superseded: null });
      expect(corrected).not.toEqual({ ...before, superseded: null });

      const [current] = (await history(pin)).filter((record) => record.id === id);
      expect(current).toMatchObject({ version: 2, superseded: null });
      const { versions, ...currentFields } = current!;
      expect({ ...currentFields, superseded: null }).toEqual({
        ...corrected,
        superseded: null,
      });
      const { versions: _none, ...beforeFields } = before!;
      expect(versions).toEqual([
        {
          ...beforeFields,
          superseded: {
            change: 'CORRECTED',
            reason: 'Wrong dates keyed in; see file 12',
            at: expect.any(String),
          },
          versions: [],
        },
      ]);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        outcome: 'ALLOWED',
        pins: [pin],
        served: expect.arrayContaining([`Mutation.${suite.correct}`]),
        revisions: [
          {
            entity: suite.entity,
            id,
            version: 1,
            change: 'CORRECTED',
            reason: 'Wrong dates keyed in; see file 12',
          },
        ],
      });

      // A second correction builds on the first; both earlier versions stay, oldest first.
      const again = await execute(subgraph.server, CORRECT, {
        id,
        version: 2,
        input,
        reason: 'The first correction was itself wrong',
      });
      expect(again.errors).toBeUndefined();
      const after = await selected(id, pin);
      expect(after).toMatchObject({ version: 3 });
      expect((after!.versions as { version: number }[]).map((v) => v.version)).toEqual([1, 2]);
      expect((after!.versions as { versions: unknown[] }[])[1]!.versions).toEqual([{ version: 1 }]);
    });

    it('voids a record: it leaves the live records, is returned and kept as VOIDED with the reason, audited', async () => {
      const pin = nextPin();
      const { id, input } = await suite.record(pin);
      const other = await suite.record(pin, 1);
      const before = await selected(id, pin);
      const { result, events } = await executeAudited(
        subgraph,
        `void-${id}`,
        VOID,
        { id, version: 1, reason: 'Recorded for the wrong person' },
        officer,
      );
      expect(result.errors).toBeUndefined();
      const voided = (result.data as Record<string, Record<string, unknown>>)[suite.void]!;
      const { versions: _v, superseded: _s, ...beforeFields } = before!;
      expect(voided).toEqual({
        ...beforeFields,
        superseded: {
          change: 'VOIDED',
          reason: 'Recorded for the wrong person',
          at: expect.any(String),
        },
      });
      expect((await history(pin)).map((record) => record.id)).toEqual([other.id]);
      expect(await live().countDocuments({ pin })).toBe(1);
      const snapshots = await kept().find({ pin }).toArray();
      expect(snapshots).toHaveLength(1);
      expect(snapshots[0]).toMatchObject({
        entity: suite.entity,
        version: 1,
        change: 'VOIDED',
        reason: 'Recorded for the wrong person',
        by: officer.caller.sub,
      });
      expect(String(snapshots[0]!.recordId)).toBe(id);
      expect(events[0]).toMatchObject({
        pins: [pin],
        revisions: [
          {
            entity: suite.entity,
            id,
            version: 1,
            change: 'VOIDED',
            reason: 'Recorded for the wrong person',
          },
        ],
      });

      const twice = await execute(subgraph.server, VOID, { id, version: 1, reason: 'Again' });
      expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'id' });
      const corrected = await execute(subgraph.server, CORRECT, {
        id,
        version: 1,
        input: suite.corrected(input),
        reason: 'Too late',
      });
      expect(corrected.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'id' });
      expect(await kept().countDocuments({ pin })).toBe(1);
    });

    it.each(suite.invalid)(
      'refuses a correction with %s as a new record would be, changing nothing',
      async (_why, change, field) => {
        const pin = nextPin();
        const { id, input } = await suite.record(pin);
        const before = await stateOf(pin);
        const result = await execute(subgraph.server, CORRECT, {
          id,
          version: 1,
          input: change(input),
          reason: 'A correction that must fail',
        });
        expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        if (field) expect(result.errors?.[0]?.extensions?.field).toBe(field);
        expect(result.data ?? null).toBeNull();
        expect(await stateOf(pin)).toEqual(before);
      },
    );

    it('refuses to move a record to another person', async () => {
      const pin = nextPin();
      const { id, input } = await suite.record(pin);
      const before = await stateOf(pin);
      const result = await execute(subgraph.server, CORRECT, {
        id,
        version: 1,
        input: { ...suite.corrected(input), pin: nextPin() },
        reason: 'Belongs to someone else',
      });
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'pin',
      });
      expect(await stateOf(pin)).toEqual(before);
    });

    it.each([
      ['empty', ''],
      ['blank', '   \t '],
      ['too short', 'ab'],
      ['too long', 'x'.repeat(501)],
      ['with control characters', 'wrong\u0000date'],
    ])('refuses a %s reason to correct or void, changing nothing', async (_why, reason) => {
      const pin = nextPin();
      const { id, input } = await suite.record(pin);
      const before = await stateOf(pin);
      for (const [query, variables] of [
        [CORRECT, { id, version: 1, input: suite.corrected(input), reason }],
        [VOID, { id, version: 1, reason }],
      ] as const) {
        const result = await execute(subgraph.server, query, variables);
        expect(result.errors?.[0]?.extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'reason',
        });
      }
      expect(await stateOf(pin)).toEqual(before);
    });

    const outsiders: RefusalCase[] = [
      ...officersOtherThan(officerOf(subgraph.agency)),
      ['an analyst', 'FORBIDDEN', callerAs('ANALYST')],
      ['an auditor', 'FORBIDDEN', callerAs('AUDITOR')],
      ['a partner institution', 'FORBIDDEN', callerAs('PARTNER', { partner: 'RU-SFR' })],
      [
        'the officer declaring a purpose not theirs',
        'FORBIDDEN',
        callerWithPurpose(officerOf(subgraph.agency), 'STATISTICS'),
      ],
      ['an anonymous caller', 'UNAUTHENTICATED', anonymous],
    ];
    it.each(outsiders)(
      'refuses corrections and voids to %s with %s, changing nothing',
      async (_who, code, as) => {
        const pin = nextPin();
        const { id, input } = await suite.record(pin);
        const before = await stateOf(pin);
        for (const [query, variables] of [
          [CORRECT, { id, version: 1, input: suite.corrected(input), reason: 'Not my agency' }],
          [VOID, { id, version: 1, reason: 'Not my agency' }],
        ] as const) {
          const result = await execute(subgraph.server, query, variables, as);
          expect(result.errors?.[0]?.extensions?.code).toBe(code);
          expect(result.data ?? null).toBeNull();
        }
        expect(await stateOf(pin)).toEqual(before);
      },
    );

    it('refuses the data subject changing their own record', async () => {
      const pin = nextPin();
      const { id, input } = await suite.record(pin);
      const before = await stateOf(pin);
      const self = callerAs('DATA_SUBJECT', { pin });
      for (const [query, variables] of [
        [CORRECT, { id, version: 1, input: suite.corrected(input), reason: 'It is my record' }],
        [VOID, { id, version: 1, reason: 'It is my record' }],
      ] as const) {
        const result = await execute(subgraph.server, query, variables, self);
        expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
      expect(await stateOf(pin)).toEqual(before);
    });

    it('answers NOT_FOUND for an id that names no record, BAD_USER_INPUT for one that is no id', async () => {
      const { input } = await suite.record(nextPin());
      for (const [id, code] of [
        ['0123456789abcdef01234567', 'NOT_FOUND'],
        ['not-an-id', 'BAD_USER_INPUT'],
        ['{"$ne":null}', 'BAD_USER_INPUT'],
      ]) {
        const corrected = await execute(subgraph.server, CORRECT, {
          id,
          version: 1,
          input: suite.corrected(input),
          reason: 'No such record',
        });
        expect(corrected.errors?.[0]?.extensions).toMatchObject({ code, field: 'id' });
        const voided = await execute(subgraph.server, VOID, {
          id,
          version: 1,
          reason: 'No such record',
        });
        expect(voided.errors?.[0]?.extensions).toMatchObject({ code, field: 'id' });
      }
    });

    it('refuses a change to a version that is no longer current with CONFLICT', async () => {
      const pin = nextPin();
      const { id, input } = await suite.record(pin);
      const first = await execute(subgraph.server, CORRECT, {
        id,
        version: 1,
        input: suite.corrected(input),
        reason: 'First correction',
      });
      expect(first.errors).toBeUndefined();
      const before = await stateOf(pin);
      for (const [query, variables] of [
        [CORRECT, { id, version: 1, input, reason: 'Based on a stale read' }],
        [VOID, { id, version: 1, reason: 'Based on a stale read' }],
        [VOID, { id, version: 3, reason: 'A version not reached yet' }],
      ] as const) {
        const result = await execute(subgraph.server, query, variables);
        expect(result.errors?.[0]?.extensions).toMatchObject({
          code: 'CONFLICT',
          field: 'version',
        });
      }
      expect(await stateOf(pin)).toEqual(before);
    });

    it('lets exactly one of two concurrent changes of the same version through; the other gets CONFLICT', async () => {
      for (const second of ['correct', 'void'] as const) {
        const pin = nextPin();
        const { id, input } = await suite.record(pin);
        const results = await Promise.all([
          execute(subgraph.server, CORRECT, {
            id,
            version: 1,
            input: suite.corrected(input),
            reason: 'Concurrent correction one',
          }),
          second === 'correct'
            ? execute(subgraph.server, CORRECT, {
                id,
                version: 1,
                input: suite.corrected(suite.corrected(input)),
                reason: 'Concurrent correction two',
              })
            : execute(subgraph.server, VOID, { id, version: 1, reason: 'Concurrent void' }),
        ]);
        const won = results.filter((r) => r.errors === undefined);
        const lost = results.filter((r) => r.errors !== undefined);
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect(lost[0]!.errors?.[0]?.extensions?.code).toBe('CONFLICT');
        const snapshots = await kept().find({ pin }).toArray();
        expect(snapshots.map((s) => s.version)).toEqual([1]);
        const stored = await live().find({ pin }).toArray();
        expect(stored.map((s) => s.version)).toEqual(snapshots[0]!.change === 'VOIDED' ? [] : [2]);
      }
    });
  });
}
export { recordSpans } from './tracing/record-spans';
