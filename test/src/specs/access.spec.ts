import { generateKeyPair, SignJWT } from 'jose';
import { MongoClient } from 'mongodb';
import { signRequest } from '@jol/kernel';
import { SUBGRAPHS } from '@jol/schema';
import { readGraphQL, signingKeysOf } from '@jol/tools';
import { verifyAllAuditChains } from '@jol/jobs';
import { gatewaySeedWriter, seed } from '../seed';
import { startTestSystem, type TestSystem } from '../system/test-system';

const OSH = '10101199000011';
const JALAL_ABAD = '20202199000022';

/** A woman born on 1 January 1990 from `homeRegion`. */
const woman = (pin: string, homeRegion: string) =>
  seed
    .person(pin)
    .named(['Осмонова', 'Нургуль'], ['Osmonova', 'Nurgul'])
    .born('1990-01-01', 'FEMALE')
    .from(homeRegion);

describe('access: identity, purpose, signatures, audit', () => {
  let jol: TestSystem;

  beforeAll(async () => {
    jol = await startTestSystem('access');
    const writer = gatewaySeedWriter(jol);
    await woman(OSH, 'KG-O')
      .screenedFor('TB', { on: '2025-05-01', facility: 'Osh City TB Dispensary' })
      .writeWith(writer);
    await woman(JALAL_ABAD, 'KG-J').writeWith(writer);
  });
  afterAll(async () => {
    await jol?.stop();
  });

  const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  describe('at the gateway', () => {
    it('refuses a request without a token with 401 UNAUTHENTICATED', async () => {
      const response = await post(jol.graphqlUrl, { query: '{ __typename }' });
      expect(response.status).toBe(401);
      expect((await readGraphQL(response)).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    });

    it('refuses an expired token and a token signed by another key', async () => {
      const expired = await jol.token('MIGRATION_OFFICER', {}, Math.floor(Date.now() / 1000) - 60);
      const a = await post(
        jol.graphqlUrl,
        { query: '{ __typename }' },
        { authorization: `Bearer ${expired}` },
      );
      expect(a.status).toBe(401);
      expect((await readGraphQL(a)).errors[0].message).toMatch(/expired/);

      const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
      const forged = await new SignJWT({ roles: ['MIGRATION_OFFICER'] })
        .setProtectedHeader({ alg: 'EdDSA', kid: jol.keys.privateJwk.kid })
        .setSubject('mallory')
        .setIssuer('jol')
        .setAudience('jol')
        .setExpirationTime('5m')
        .sign(privateKey);
      const b = await post(
        jol.graphqlUrl,
        { query: '{ __typename }' },
        { authorization: `Bearer ${forged}` },
      );
      expect(b.status).toBe(401);
      expect((await readGraphQL(b)).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    });

    it('refuses a purpose the role may not declare, and an unknown one, with 403', async () => {
      const token = await jol.token('LABOUR_OFFICER');
      for (const purpose of ['MEDICAL_CARE', 'CURIOSITY']) {
        const response = await post(
          jol.graphqlUrl,
          { query: '{ __typename }' },
          { authorization: `Bearer ${token}`, 'x-purpose': purpose },
        );
        expect(response.status).toBe(403);
        expect((await readGraphQL(response)).errors[0].extensions.code).toBe('FORBIDDEN');
      }
    });

    it('refuses a person-level read without a purpose', async () => {
      const officer = await jol.as('MIGRATION_OFFICER', {}, null);
      const result = await officer(`query ($pin: PIN!) { person(pin: $pin) { pin homeRegion } }`, {
        pin: OSH,
      });
      expect(result.data?.person ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(result.errors?.[0]?.message).toMatch(/X-Purpose/);
    });

    it('allows introspection to analysts and refuses it to partners', async () => {
      const analyst = await jol.as('ANALYST');
      expect((await analyst('{ __schema { queryType { name } } }')).data).toEqual({
        __schema: { queryType: { name: 'Query' } },
      });
      // Partners run registered operations only: an introspection query is refused before planning.
      const partner = await jol.as('PARTNER', { partner: 'RU-SFR' });
      const refused = await partner('{ __schema { queryType { name } } }');
      expect(refused.status).toBe(403);
      expect(refused.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_REGISTERED');
      expect(refused.data ?? null).toBeNull();
    });

    it('keeps a region-scoped officer to the region, in lists and single reads', async () => {
      const osh = await jol.as('MIGRATION_OFFICER', { region: 'KG-O' });
      const list = await osh('{ persons(first: 50) { edges { node { pin homeRegion } } } }');
      expect(list.errors).toBeUndefined();
      expect(list.data?.persons.edges.map((e: { node: { pin: string } }) => e.node.pin)).toEqual([
        OSH,
      ]);
      const other = await osh(`query ($pin: PIN!) { person(pin: $pin) { pin } }`, {
        pin: JALAL_ABAD,
      });
      expect(other.data?.person ?? null).toBeNull();
      expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const health = await jol.as('HEALTH_OFFICER', { region: 'KG-J' });
      const screenings = await health(
        `query ($pin: PIN!) { person(pin: $pin) { screenings { kind } } }`,
        { pin: OSH },
      );
      expect(screenings.data?.person?.screenings ?? null).toBeNull();
      expect(screenings.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });

  describe('at the subgraphs', () => {
    const healthUrl = () => jol.system.subgraphUrls.health!;
    const entities = {
      query:
        'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { screenings { kind result } } } }',
      variables: { r: [{ __typename: 'Person', pin: OSH, homeRegion: 'KG-O' }] },
    };

    it('refuses a direct call without the gateway signature, token or not', async () => {
      const token = await jol.token('HEALTH_OFFICER');
      const attempts: Record<string, string>[] = [
        {},
        { authorization: `Bearer ${token}`, 'x-purpose': 'MEDICAL_CARE' },
      ];
      for (const headers of attempts) {
        const response = await post(healthUrl(), entities, headers);
        expect(response.status).toBe(401);
        expect((await readGraphQL(response)).errors[0].extensions.code).toBe('UNAUTHENTICATED');
      }
    });

    it('accepts a signed call once and refuses its replay and a stale signature', async () => {
      const token = await jol.token('HEALTH_OFFICER');
      const body = JSON.stringify(entities);
      const base = {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'x-purpose': 'MEDICAL_CARE',
        'x-request-id': 'signed-1',
      };
      const signed = { target: 'health', method: 'POST', path: '/graphql', body, headers: base };
      const signature = signRequest(signingKeysOf(jol.keys), signed);
      const first = await fetch(healthUrl(), {
        method: 'POST',
        headers: { ...base, ...signature },
        body,
      });
      expect(first.status).toBe(200);
      expect((await readGraphQL(first)).data._entities[0].screenings).toEqual([
        { kind: 'TB', result: 'NEGATIVE' },
      ]);
      const replay = await fetch(healthUrl(), {
        method: 'POST',
        headers: { ...base, ...signature },
        body,
      });
      expect(replay.status).toBe(401);

      const stale = signRequest(signingKeysOf(jol.keys), signed, { now: Date.now() - 120_000 });
      const old = await fetch(healthUrl(), {
        method: 'POST',
        headers: { ...base, ...stale },
        body,
      });
      expect(old.status).toBe(401);
    });

    it('does not let _entities bypass the field rules, even with a valid signature', async () => {
      const token = await jol.token('ANALYST');
      const body = JSON.stringify(entities);
      const sent = {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'x-purpose': 'STATISTICS',
      };
      const headers = {
        ...sent,
        ...signRequest(signingKeysOf(jol.keys), {
          target: 'health',
          method: 'POST',
          path: '/graphql',
          body,
          headers: sent,
        }),
      };
      const response = await fetch(healthUrl(), { method: 'POST', headers, body });
      const result = await readGraphQL(response);
      expect(result.data._entities[0]?.screenings ?? null).toBeNull();
      expect(result.errors[0].extensions.code).toBe('FORBIDDEN');
    });
  });

  describe('audit', () => {
    it("names a read in every agency's log as its caller named it, never as the query planner did", async () => {
      const subject = await jol.as('DATA_SUBJECT', { pin: OSH });
      const reads = {
        'named-read-1': `query CaseWork42($pin: PIN!) {
          person(pin: $pin) {
            pin skills { name } screenings { kind } contributions { amount } assistanceCases { type }
          }
        }`,
        'anonymous-read-1': `query ($pin: PIN!) {
          person(pin: $pin) {
            pin skills { name } screenings { kind } contributions { amount } assistanceCases { type }
          }
        }`,
      };
      for (const [requestId, query] of Object.entries(reads)) {
        const read = await subject(query, { pin: OSH }, { requestId });
        expect(read.errors).toBeUndefined();
      }
      const agencies = SUBGRAPHS.map(({ name }) => name);
      const log = await subject(
        `query ($pin: PIN!) { person(pin: $pin) { accessLog {
          ${agencies.map((a) => `${a}(first: 20) { events { callerRequestId callerOperationName } }`).join('\n')}
        } } }`,
        { pin: OSH },
      );
      expect(log.errors).toBeUndefined();
      const named: Record<string, string | null> = {
        'named-read-1': 'CaseWork42',
        'anonymous-read-1': null,
      };
      for (const agency of agencies) {
        const events = (
          log.data.person.accessLog[agency].events as {
            callerRequestId: string | null;
            callerOperationName: string | null;
          }[]
        ).filter((e) => e.callerRequestId !== null && e.callerRequestId in named);
        // Each read is in every agency's log, and each of its events bears the caller's name.
        expect({ agency, requests: new Set(events.map((e) => e.callerRequestId)) }).toEqual({
          agency,
          requests: new Set(Object.keys(named)),
        });
        for (const event of events)
          expect({ agency, ...event }).toEqual({
            agency,
            callerRequestId: event.callerRequestId,
            callerOperationName: named[event.callerRequestId!],
          });
      }
    });

    it('shows the data subject the reads an officer just made, under the id Jol gave them', async () => {
      const officer = await jol.as('HEALTH_OFFICER');
      const read = await officer(
        `query ($pin: PIN!) { person(pin: $pin) { pin screenings { kind } } }`,
        { pin: OSH },
        { requestId: 'officer-read-1' },
      );
      expect(read.errors).toBeUndefined();

      const subject = await jol.as('DATA_SUBJECT', { pin: OSH });
      const log = await subject(
        `query ($pin: PIN!) { person(pin: $pin) { accessLog {
        migration(first: 20) { events { requestId callerRequestId roles fields outcome } }
        health(first: 20) { events { requestId callerRequestId roles purpose fields outcome } }
        } } }`,
        { pin: OSH },
      );
      expect(log.errors).toBeUndefined();
      const healthEvents = log.data.person.accessLog.health.events;
      const officerRead = healthEvents.find(
        (e: { callerRequestId: string | null }) => e.callerRequestId === 'officer-read-1',
      );
      expect(officerRead).toEqual(
        expect.objectContaining({
          roles: ['HEALTH_OFFICER'],
          purpose: 'MEDICAL_CARE',
          outcome: 'ALLOWED',
          fields: ['Person.screenings'],
        }),
      );
      // The caller's X-Request-Id is a label; the id that joins the agencies' events is Jol's own.
      expect(officerRead.requestId).not.toBe('officer-read-1');
      expect(log.data.person.accessLog.migration.events).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            requestId: officerRead.requestId,
            callerRequestId: 'officer-read-1',
            roles: ['HEALTH_OFFICER'],
          }),
        ]),
      );

      const stranger = await jol.as('DATA_SUBJECT', { pin: JALAL_ABAD });
      const refused = await stranger(
        `query ($pin: PIN!) { person(pin: $pin) { accessLog { health { events { at } } } } }`,
        { pin: OSH },
      );
      expect(refused.data?.person ?? null).toBeNull();
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });

    it("never reuses a caller's X-Request-Id as the id that joins audit events", async () => {
      const query = `query ($pin: PIN!) { person(pin: $pin) { pin screenings { kind } } }`;
      for (const role of ['HEALTH_OFFICER', 'HEALTH_OFFICER'] as const) {
        const read = await (await jol.as(role))(query, { pin: OSH }, { requestId: 'shared-id' });
        expect(read.errors).toBeUndefined();
      }
      const client = new MongoClient(process.env.MONGODB_URI!);
      await client.connect();
      try {
        const events = await client
          .db(`${jol.databasePrefix}_health`)
          .collection('audit_events')
          .find({ callerRequestId: 'shared-id' })
          .toArray();
        expect(events).toHaveLength(2);
        const ids = new Set(events.map((e) => e.requestId));
        expect(ids.size).toBe(2);
        expect(ids.has('shared-id')).toBe(false);
      } finally {
        await client.close();
      }
    });

    it('verifies every chain and names the event edited in the store', async () => {
      const uri = process.env.MONGODB_URI!;
      const before = await verifyAllAuditChains(uri, jol.databasePrefix);
      expect(before.map((r) => [r.service, r.ok])).toEqual([
        ['migration', true],
        ['labour', true],
        ['health', true],
        ['pensions', true],
        ['consular', true],
      ]);
      expect(before.find((r) => r.service === 'health')!.events).toBeGreaterThanOrEqual(2);

      const client = new MongoClient(uri);
      await client.connect();
      try {
        const events = client.db(`${jol.databasePrefix}_health`).collection('audit_events');
        await events.updateOne({ seq: 2 }, { $set: { purpose: 'PUBLIC_HEALTH' } });
      } finally {
        await client.close();
      }
      const after = await verifyAllAuditChains(uri, jol.databasePrefix);
      const health = after.find((r) => r.service === 'health')!;
      expect(health.ok).toBe(false);
      expect(health.brokenAt).toEqual({ seq: 2, reason: 'content does not match its hash' });
      expect(after.filter((r) => r.service !== 'health').every((r) => r.ok)).toBe(true);
    });
  });
});
