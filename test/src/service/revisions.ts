import { FIELD_CLASSES, ROLE_POLICY, ROLES } from '@jol/schema';
import { policyFor, type SubgraphServer } from '@jol/kernel';
import { executeAudited, officersOtherThan, type RefusalCase } from './refusals';
import {
  anonymous,
  callerAs,
  callerWithPurpose,
  execute,
  officerOf,
  type TestSubgraph,
} from './subgraph';

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

    // A reason is free text about the record, and earlier values show which fields changed.
    it("serves the history only to a caller who reads every class of the record's fields", async () => {
      const pin = nextPin();
      const { id, input } = await suite.record(pin);
      const reason = `History-marker of ${id}`;
      const corrected = await execute(
        subgraph.server,
        CORRECT,
        { id, version: 1, input: suite.corrected(input), reason },
        officer,
      );
      expect(corrected.errors).toBeUndefined();
      const listClass = FIELD_CLASSES[`Person.${suite.personField}`]!;
      const historyClass = FIELD_CLASSES[`${suite.entity}.versions`]!;
      const readers = ROLES.flatMap((role) =>
        ROLE_POLICY[role].purposes.map((purpose) => [role, purpose] as const),
      ).filter(([role, purpose]) => policyFor(role, purpose)?.reads.includes(listClass));
      expect(readers.length).toBeGreaterThan(1);
      const query = `query ($reps: [_Any!]!) { _entities(representations: $reps) {
        ... on Person { ${suite.personField} { id versions { version superseded { reason } } } } } }`;
      for (const [role, purpose] of readers) {
        const { result, events } = await executeAudited(
          subgraph,
          `history-${id}-${role}-${purpose}`,
          query,
          { reps: [representation(pin)] },
          callerWithPurpose(role, purpose, { pin }),
        );
        const entities = result.data?._entities as Record<string, Record<string, unknown>[]>[];
        const records = entities[0]![suite.personField]!;
        const shown = records.find((record) => record.id === id);
        const who = `${role}/${purpose}`;
        if (policyFor(role, purpose)!.reads.includes(historyClass)) {
          expect([who, result.errors]).toEqual([who, undefined]);
          expect([who, shown?.versions]).toEqual([who, [{ version: 1, superseded: { reason } }]]);
          continue;
        }
        expect([who, shown?.versions]).toEqual([who, null]);
        expect(JSON.stringify(result)).not.toContain('History-marker');
        expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
        expect(events[0]?.refused).toEqual([`${suite.entity}.versions`]);
      }
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
