import {
  anonymous,
  callerAs,
  execute,
  executeAudited,
  itRefusesEntityField,
  useTestSubgraph,
  type ExecuteAs,
  type ExecuteResult,
} from '@jol/testkit/service';
import { createLabourServer } from '../server';

const PIN = '10503199012345';
const OTHER_PIN = '20101199000001';

const LOG = /* GraphQL */ `
  query Log($reps: [_Any!]!) {
    _entities(representations: $reps) {
      ... on PersonAccessLog {
        pin
        labour {
          events {
            service
            roles
            purpose
            operationType
            callerOperationName
            fields
            outcome
            callerRequestId
          }
        }
      }
    }
  }
`;
const log = { reps: [{ __typename: 'PersonAccessLog', pin: PIN }] };

describe('labour: its part of a person access log', () => {
  const subgraph = useTestSubgraph('labour', createLabourServer);

  beforeAll(async () => {
    const recorded = await execute(
      subgraph.server,
      `mutation Record($input: RecordSkillInput!) { recordSkill(input: $input) { id } }`,
      { input: { pin: PIN, name: 'Welding', level: 'BASIC' } },
      { ...callerAs('LABOUR_OFFICER'), headers: { 'x-caller-request-id': 'labour-log-write' } },
    );
    expect(recorded.errors).toBeUndefined();
  });

  it.each<[string, ExecuteAs]>([
    ['an auditor', callerAs('AUDITOR')],
    ['the data subject', callerAs('DATA_SUBJECT', { pin: PIN })],
  ])('gives PersonAccessLog.labour to %s', async (_who, as) => {
    const result = await execute(subgraph.server, LOG, log, as);
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities[0].pin).toBe(PIN);
    expect(result.data?._entities[0].labour.events).toContainEqual({
      service: 'labour',
      roles: ['LABOUR_OFFICER'],
      purpose: 'EMPLOYMENT_SERVICES',
      operationType: 'mutation',
      callerOperationName: 'Record',
      fields: ['Mutation.recordSkill'],
      outcome: 'ALLOWED',
      callerRequestId: 'labour-log-write',
    });
  });

  itRefusesEntityField(
    subgraph,
    { query: LOG, representation: log.reps[0]!, field: 'labour', alongside: { pin: PIN } },
    [
      ['a labour officer', 'FORBIDDEN', callerAs('LABOUR_OFFICER')],
      ['an analyst', 'FORBIDDEN', callerAs('ANALYST')],
      ['another data subject', 'FORBIDDEN', callerAs('DATA_SUBJECT', { pin: OTHER_PIN })],
      ['an anonymous caller', 'UNAUTHENTICATED', anonymous],
    ],
  );

  describe('a write that failed', () => {
    const RECORD = /* GraphQL */ `
      mutation Record($input: RecordSkillInput!) {
        ...Writes
      }
      fragment Writes on Mutation {
        stored: recordSkill(input: $input) {
          id
        }
      }
    `;

    it('is audited as FAILED with the write named, not as ALLOWED', async () => {
      const { result, events } = await executeAudited(
        subgraph,
        'labour-log-failed-write',
        RECORD,
        { input: { pin: PIN, name: '   ', level: 'BASIC' } },
        callerAs('LABOUR_OFFICER'),
      );
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(events).toEqual([
        expect.objectContaining({
          operationType: 'mutation',
          callerOperationName: 'Record',
          served: [],
          refused: [],
          failed: ['Mutation.recordSkill'],
          pins: [PIN],
          outcome: 'FAILED',
        }),
      ]);
    });

    it('is not confused with a write that stored (same operation, valid input)', async () => {
      const { result, events } = await executeAudited(
        subgraph,
        'labour-log-stored-write',
        RECORD,
        { input: { pin: PIN, name: 'Masonry', level: 'BASIC' } },
        callerAs('LABOUR_OFFICER'),
      );
      expect(result.errors).toBeUndefined();
      expect(events).toEqual([
        expect.objectContaining({
          served: ['Mutation.recordSkill'],
          failed: [],
          outcome: 'ALLOWED',
        }),
      ]);
    });
  });

  describe('the same write asked twice in one request', () => {
    const TWICE = /* GraphQL */ `
      mutation Twice($good: RecordSkillInput!, $bad: RecordSkillInput!) {
        stored: recordSkill(input: $good) {
          id
        }
        rejected: recordSkill(input: $bad) {
          id
        }
      }
    `;

    it('is audited as PARTIAL when one call stored and the other failed, not as FAILED', async () => {
      const { result, events } = await executeAudited(
        subgraph,
        'labour-log-twice',
        TWICE,
        {
          good: { pin: PIN, name: 'Plastering', level: 'BASIC' },
          bad: { pin: PIN, name: '   ', level: 'BASIC' },
        },
        callerAs('LABOUR_OFFICER'),
      );
      // recordSkill is non-null, so the failed call nulls `data`; the first call has stored all the same.
      expect(result.errors?.map((e) => e.path)).toEqual([['rejected']]);
      expect(events).toEqual([
        expect.objectContaining({
          served: ['Mutation.recordSkill'],
          failed: ['Mutation.recordSkill'],
          outcome: 'PARTIAL',
        }),
      ]);
    });

    it('is audited as FAILED when the failing call came first and the other never ran', async () => {
      const { result, events } = await executeAudited(
        subgraph,
        'labour-log-twice-first-failed',
        TWICE,
        {
          good: { pin: PIN, name: '   ', level: 'BASIC' },
          bad: { pin: PIN, name: 'Tiling', level: 'BASIC' },
        },
        callerAs('LABOUR_OFFICER'),
      );
      expect(result.errors?.map((e) => e.path)).toEqual([['stored']]);
      expect(events).toEqual([
        expect.objectContaining({
          served: [],
          failed: ['Mutation.recordSkill'],
          outcome: 'FAILED',
        }),
      ]);
    });
  });

  describe('paging', () => {
    const PAGED = /* GraphQL */ `
      query Page($reps: [_Any!]!, $first: Int!, $after: String) {
        _entities(representations: $reps) {
          ... on PersonAccessLog {
            labour(first: $first, after: $after) {
              events {
                callerRequestId
              }
              pageInfo {
                hasNextPage
                endCursor
              }
            }
          }
        }
      }
    `;
    const PAGED_PIN = '10101199000011';
    const written = Array.from({ length: 7 }, (_, i) => `labour-page-${i}`);
    const auditor = callerAs('AUDITOR');

    beforeAll(async () => {
      for (const [i, id] of written.entries()) {
        const recorded = await execute(
          subgraph.server,
          `mutation Record($input: RecordSkillInput!) { recordSkill(input: $input) { id } }`,
          { input: { pin: PAGED_PIN, name: `Skill ${i}`, level: 'BASIC' } },
          { ...callerAs('LABOUR_OFFICER'), headers: { 'x-caller-request-id': id } },
        );
        expect(recorded.errors).toBeUndefined();
      }
    });

    it('reaches every event, newest first, each once, a page at a time', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 10; page++) {
        type Page = {
          events: { callerRequestId: string }[];
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
        };
        const result: ExecuteResult<{ _entities: { labour: Page }[] }> = await execute(
          subgraph.server,
          PAGED,
          { reps: [{ __typename: 'PersonAccessLog', pin: PAGED_PIN }], first: 3, after },
          auditor,
        );
        expect(result.errors).toBeUndefined();
        const { events, pageInfo } = result.data!._entities[0]!.labour;
        seen.push(...events.map((e) => e.callerRequestId));
        if (!pageInfo.hasNextPage) break;
        after = pageInfo.endCursor;
      }
      expect(seen).toEqual([...written].reverse());
    });

    it.each([
      ['garbage', 'not-a-cursor'],
      ['a cursor of another agency', Buffer.from('k:health:3').toString('base64url')],
      ['a cursor that is no position', Buffer.from('k:labour:-1').toString('base64url')],
    ])('refuses %s with BAD_USER_INPUT', async (_what, after) => {
      const result = await execute(
        subgraph.server,
        PAGED,
        { reps: [{ __typename: 'PersonAccessLog', pin: PAGED_PIN }], first: 3, after },
        auditor,
      );
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message).not.toMatch(/audit_events|seq/);
    });

    it.each([0, 201])('refuses a page of %s events with BAD_USER_INPUT', async (first) => {
      const result = await execute(
        subgraph.server,
        PAGED,
        { reps: [{ __typename: 'PersonAccessLog', pin: PAGED_PIN }], first },
        auditor,
      );
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    });
  });
});
