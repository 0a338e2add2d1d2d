import type { Connection } from 'mongoose';
import {
  CALLER_OPERATION_NAME_HEADER,
  signRequest,
  type RunningServer,
  type SigningKeys,
} from '@jol/kernel';
import {
  callerAs,
  dropTestDatabase,
  openTestDatabase,
  prepareTestDatabase,
  quietLogger,
  testAccess,
} from '@jol/testkit/service';
import { createLabourServer } from './server';

const KEYS: SigningKeys = [
  { id: 'labour-names', secret: 'labour-operation-name-tests-secret-00000' },
];
const PIN = '10503199012345';
const OFFICER = callerAs('LABOUR_OFFICER');

/**
 * The operation name a subgraph audits is the one the caller gave, as the gateway signed it: the
 * document the subgraph receives is the query planner's, named after it (`CaseWork42__labour__0`).
 */
describe('labour over HTTP: the caller operation name in the audit', () => {
  let connection: Connection;
  let server: Awaited<ReturnType<typeof createLabourServer>>;
  let running: RunningServer;

  beforeAll(async () => {
    connection = await openTestDatabase('labour');
    server = await createLabourServer({
      connection,
      log: quietLogger(),
      access: {
        ...testAccess(),
        signingKeys: KEYS,
        verifyToken: async (token) => {
          if (token !== 'officer') throw new Error(`unknown test token ${token}`);
          return OFFICER.caller;
        },
      },
    });
    await prepareTestDatabase(connection);
    running = await server.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await running.close();
    await server.apollo.stop();
    await dropTestDatabase(connection);
  });

  /** Records a skill with a document named `planned`, as the gateway would send it. */
  async function record(
    requestId: string,
    planned: string,
    extra: Record<string, string> = {},
    unsigned: Record<string, string> = {},
  ) {
    const body = JSON.stringify({
      query: `mutation ${planned}($input: RecordSkillInput!) { recordSkill(input: $input) { id } }`,
      variables: { input: { pin: PIN, name: `Welding ${requestId}`, level: 'BASIC' } },
    });
    const headers = {
      'content-type': 'application/json',
      authorization: 'Bearer officer',
      'x-purpose': OFFICER.purpose,
      'x-request-id': requestId,
      ...extra,
    };
    const signature = signRequest(KEYS, {
      target: 'labour',
      method: 'POST',
      path: '/graphql',
      body,
      headers,
    });
    const response = await fetch(`${running.url}/graphql`, {
      method: 'POST',
      headers: { ...headers, ...signature, ...unsigned },
      body,
    });
    const events = await connection.collection('audit_events').find({ requestId }).toArray();
    return { status: response.status, events };
  }

  it("records the name the gateway signed, not the planner's", async () => {
    const { status, events } = await record('names-1', 'CaseWork42__labour__0', {
      [CALLER_OPERATION_NAME_HEADER]: 'CaseWork42',
    });
    expect(status).toBe(200);
    expect(events).toEqual([
      expect.objectContaining({
        callerOperationName: 'CaseWork42',
        served: ['Mutation.recordSkill'],
        pins: [PIN],
      }),
    ]);
  });

  it.each([
    ['an anonymous operation (no name sent)', 'names-2', {}],
    ['a name that is no GraphQL name', 'names-3', { [CALLER_OPERATION_NAME_HEADER]: 'not a name' }],
  ])('records none for %s, whatever the document is called', async (_label, requestId, extra) => {
    const { status, events } = await record(requestId, 'Anon__labour__0', extra);
    expect(status).toBe(200);
    expect(events).toEqual([expect.objectContaining({ callerOperationName: null })]);
  });

  it('refuses a name added outside the signature, and audits nothing', async () => {
    const { status, events } = await record(
      'names-unsigned',
      'CaseWork42__labour__0',
      {},
      { [CALLER_OPERATION_NAME_HEADER]: 'Forged' },
    );
    expect(status).toBe(401);
    expect(events).toEqual([]);
  });
});
