import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { localSubgraphUrl } from '@jol/schema';
import { signRequest, type SigningKeys } from '@jol/kernel';
import {
  asServiceProcess,
  devKeysEnv,
  freePort,
  readGraphQL,
  REPO_ROOT,
  type ServiceProcess,
  spawnService,
  waitUntilReady,
} from '@jol/tools';
import { startTestSystem, type TestSystem } from '../system/test-system';

const PIN = '10101199000011';

/**
 * Signed subgraph calls with two replicas of the labour subgraph on one database, while a key is
 * being rotated: every process holds the new key "next" first and the old lone secret after it,
 * so the gateway signs with "next" and the subgraphs accept both. A signed request accepted by one
 * replica is refused by the other, because the nonce is spent in the agency's store.
 */
describe('signed subgraph calls across replicas and a key rotation', () => {
  const next = { id: 'next', secret: randomBytes(48).toString('base64url') };
  let jol: TestSystem;
  let replicaB: ServiceProcess;
  let old: SigningKeys;

  beforeAll(async () => {
    const rotation = { JOL_SIGNING_KEYS: `${next.id}:${next.secret}` };
    jol = await startTestSystem('signing', { env: rotation });
    old = [{ id: 'default', secret: jol.keys.signingSecret }];
    const port = await freePort();
    const child = spawnService({
      name: 'labour-b',
      script: join(REPO_ROOT, 'services', 'labour', 'dist', 'main.js'),
      env: {
        ...devKeysEnv(jol.keys),
        ...rotation,
        MONGODB_URI: process.env.MONGODB_URI!,
        MONGODB_DB: `${jol.databasePrefix}_labour`,
        JOL_GATEWAY_URL: jol.system.gatewayUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
      },
      output: join(REPO_ROOT, 'test-artifacts', 'logs', 'signing', 'labour-b.log'),
    });
    replicaB = asServiceProcess('labour-b', localSubgraphUrl(port), child);
    await waitUntilReady(`http://127.0.0.1:${port}/readyz`, child);
  });
  afterAll(async () => {
    await replicaB?.stop();
    await jol?.stop();
  });

  const replicaA = () => jol.system.subgraphUrls.labour!;

  /** A labour `_entities` read as the gateway would send it, with its headers and body. */
  async function labourRead(requestId: string) {
    const body = JSON.stringify({
      query:
        'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { employment { employer } } } }',
      variables: { r: [{ __typename: 'Person', pin: PIN, homeRegion: 'KG-O' }] },
    });
    const headers = {
      'content-type': 'application/json',
      authorization: `Bearer ${await jol.token('LABOUR_OFFICER')}`,
      'x-purpose': 'EMPLOYMENT_SERVICES',
      'x-request-id': requestId,
    };
    return { body, headers };
  }

  const send = (url: string, read: { body: string; headers: Record<string, string> }) =>
    fetch(url, { method: 'POST', headers: read.headers, body: read.body });

  function signed(
    keys: SigningKeys,
    target: string,
    read: { body: string; headers: Record<string, string> },
  ) {
    const signature = signRequest(keys, {
      target,
      method: 'POST',
      path: '/graphql',
      body: read.body,
      headers: read.headers,
    });
    return { body: read.body, headers: { ...read.headers, ...signature } };
  }

  async function expectRefused(response: Response): Promise<void> {
    expect(response.status).toBe(401);
    expect((await readGraphQL(response)).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  }

  it('serves normal traffic through the gateway, signed with the new key', async () => {
    const migration = await jol.as('MIGRATION_OFFICER');
    const registered = await migration(
      `mutation ($input: RegisterPersonInput!) { registerPerson(input: $input) { pin } }`,
      {
        input: {
          pin: PIN,
          nameCyrillic: { last: 'Осмонова', first: 'Нургуль' },
          nameLatin: { last: 'Osmonova', first: 'Nurgul' },
          birthDate: '1990-01-01',
          sex: 'FEMALE',
          homeRegion: 'KG-O',
          russianProficiency: 'GOOD',
        },
      },
    );
    expect(registered.errors).toBeUndefined();
    const labour = await jol.as('LABOUR_OFFICER');
    const recorded = await labour(
      `mutation ($input: RecordEmploymentInput!) { recordEmployment(input: $input) { id } }`,
      {
        input: {
          pin: PIN,
          country: 'RU',
          employer: 'Stroy LLC',
          sector: 'CONSTRUCTION',
          formal: true,
          permitType: 'PATENT',
          permitNumber: 'PT-123456',
          from: '2024-03-01',
        },
      },
    );
    expect(recorded.errors).toBeUndefined();
    const read = await labour(
      `query ($pin: PIN!) { person(pin: $pin) { pin employment { employer } } }`,
      { pin: PIN },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data).toEqual({ person: { pin: PIN, employment: [{ employer: 'Stroy LLC' }] } });
  });

  it('refuses on replica B a signed request replica A accepted, and the other way round', async () => {
    const first = signed([next], 'labour', await labourRead('replica-1'));
    const accepted = await send(replicaA(), first);
    expect(accepted.status).toBe(200);
    expect((await readGraphQL(accepted)).data._entities).toEqual([
      { employment: [{ employer: 'Stroy LLC' }] },
    ]);
    await expectRefused(await send(replicaB.url, first));

    const second = signed([next], 'labour', await labourRead('replica-2'));
    expect((await send(replicaB.url, second)).status).toBe(200);
    await expectRefused(await send(replicaA(), second));
  });

  it('accepts the old key while it is being rotated out, once', async () => {
    const request = signed(old, 'labour', await labourRead('replica-old-key'));
    expect((await send(replicaB.url, request)).status).toBe(200);
    await expectRefused(await send(replicaA(), request));
  });

  it('refuses on both replicas a signature made for another subgraph', async () => {
    for (const url of [replicaA(), replicaB.url]) {
      const request = signed([next], 'health', await labourRead(`replica-health-${url}`));
      await expectRefused(await send(url, request));
    }
  });

  it('refuses a signed request whose purpose or token was swapped on the way', async () => {
    const request = signed([next], 'labour', await labourRead('replica-swap'));
    await expectRefused(
      await send(replicaA(), {
        ...request,
        headers: { ...request.headers, 'x-purpose': 'RETURNEE_SUPPORT' },
      }),
    );
    const otherToken = `Bearer ${await jol.token('LABOUR_OFFICER', { sub: 'someone-else' })}`;
    await expectRefused(
      await send(replicaB.url, {
        ...request,
        headers: { ...request.headers, authorization: otherToken },
      }),
    );
    // Neither refusal spent the nonce: the request as signed still goes through, once.
    expect((await send(replicaB.url, request)).status).toBe(200);
  });
});
