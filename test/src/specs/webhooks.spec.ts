import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { MongoClient, type Db } from 'mongodb';
import { PartnerClient, type PartnerManifest } from '@jol/client';
import { REPO_ROOT } from '@jol/tools';
import { gatewaySeedWriter, seed } from '../seed';
import { startTestSystem, type TestSystem } from '../system/test-system';

/**
 * Change events through the real processes on the real store: agency systems subscribe under the
 * access policy, hear of changes by signed webhooks written from an outbox in the change's own
 * transaction, see failures retried, dead-lettered and replayed; partners read an inbox instead.
 */

jest.setTimeout(180_000);

const PERSON = { pin: '10505198000071', birthDate: '1980-05-05' };
const PARTNER_PERSON = { pin: '20606196000082', birthDate: '1960-06-06', snils: '112-233-445 95' };

const SUBSCRIBE = (agency: 'Migration' | 'Health' | 'Pensions') =>
  `mutation ($input: SubscribeTo${agency}EventsInput!) { subscribeTo${agency}Events(input: $input) {
    secret subscription { id agency events url purpose active } } }`;
const DELIVERIES = (agency: 'migration' | 'health' | 'pensions') =>
  `query ($id: ID!, $status: EventDeliveryStatus) { ${agency}EventDeliveries(subscriptionId: $id, status: $status) {
    id eventId type recordId pin status attempts lastFailure deliveredAt } }`;

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A subscriber's web server on 127.0.0.1: `/ok` takes everything, `/flaky` fails while told to. */
function startReceiver() {
  const received: Received[] = [];
  const state = { failing: true };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const fail = req.url === '/flaky' && state.failing;
      res.statusCode = fail ? 500 : 204;
      res.end();
    });
  });
  return new Promise<{ url: string; received: Received[]; state: typeof state; server: Server }>(
    (resolve) =>
      server.listen(0, '127.0.0.1', () =>
        resolve({
          url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
          received,
          state,
          server,
        }),
      ),
  );
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000) {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The signature as a subscriber computes it, following the documented recipe. */
const expectedSignature = (secret: string, timestamp: string, body: string) =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

describe('change events: webhooks for agency systems, an inbox for partners', () => {
  let jol: TestSystem;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let mongo: MongoClient;
  let migrationDb: Db;
  let healthDb: Db;
  let migration: Awaited<ReturnType<TestSystem['as']>>;

  const registerAbroad = (person: { pin: string; birthDate: string }) =>
    seed
      .person(person.pin)
      .named(['Осмонова', 'Айгуль'], ['Osmonova', 'Aigul'])
      .born(person.birthDate, 'FEMALE')
      .speaksRussian('BASIC')
      .abroadIn('RU', { since: '2023-03-01' })
      .writeWith(gatewaySeedWriter(jol));

  beforeAll(async () => {
    receiver = await startReceiver();
    jol = await startTestSystem('webhooks', {
      env: {
        WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
        WEBHOOK_ALLOW_HTTP: 'true',
        WEBHOOK_POLL_MS: '100',
        WEBHOOK_RETRY_BASE_MS: '100',
        WEBHOOK_MAX_ATTEMPTS: '3',
        WEBHOOK_TIMEOUT_MS: '2000',
      },
    });
    mongo = await MongoClient.connect(process.env.MONGODB_URI!);
    migrationDb = mongo.db(`${jol.databasePrefix}_migration`);
    healthDb = mongo.db(`${jol.databasePrefix}_health`);
    migration = await jol.as('MIGRATION_OFFICER');
    await registerAbroad(PERSON);
  });
  afterAll(async () => {
    await mongo?.close();
    await jol?.stop();
    receiver?.server.close();
  });

  it('tells a subscribed labour system that a person returned, signed, once, and audits it', async () => {
    const labour = await jol.as('LABOUR_OFFICER', { sub: 'labour-system' }, 'RETURNEE_SUPPORT');
    const subscribed = await labour(SUBSCRIBE('Migration'), {
      input: { events: ['PERSON_RETURNED'], url: `${receiver.url}/ok` },
    });
    expect(subscribed.errors).toBeUndefined();
    const { secret, subscription } = subscribed.data!.subscribeToMigrationEvents;
    expect(subscription).toMatchObject({
      agency: 'migration',
      events: ['PERSON_RETURNED'],
      purpose: 'RETURNEE_SUPPORT',
      active: true,
    });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);

    const returned = await migration(
      `mutation ($input: RegisterReturnInput!) { registerReturn(input: $input) { id } }`,
      { input: { pin: PERSON.pin, returnedOn: '2025-10-01' } },
    );
    expect(returned.errors).toBeUndefined();
    const episodeId = returned.data!.registerReturn.id as string;

    const delivery = await waitFor('the delivery', async () =>
      receiver.received.find((r) => r.path === '/ok'),
    );
    const body = JSON.parse(delivery.body) as Record<string, unknown>;
    // Only the type, the ids and the time: the rest is read through the graph.
    expect(Object.keys(body).sort()).toEqual(
      ['agency', 'id', 'occurredAt', 'pin', 'recordId', 'type'].sort(),
    );
    expect(body).toMatchObject({
      type: 'PERSON_RETURNED',
      agency: 'migration',
      pin: PERSON.pin,
      recordId: episodeId,
    });
    expect(delivery.headers['idempotency-key']).toBe(body.id);
    expect(delivery.headers['jol-event-id']).toBe(body.id);
    const signature = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(delivery.headers['jol-signature']));
    expect(signature).not.toBeNull();
    expect(signature![2]).toBe(expectedSignature(secret, signature![1]!, delivery.body));
    expect(signature![2]).not.toBe(expectedSignature('whsec_other', signature![1]!, delivery.body));

    const listed = await waitFor('the delivery to be marked delivered', async () => {
      const answer = await labour(DELIVERIES('migration'), { id: subscription.id });
      expect(answer.errors).toBeUndefined();
      const [only] = answer.data!.migrationEventDeliveries;
      return only?.status === 'DELIVERED' ? answer.data!.migrationEventDeliveries : undefined;
    });
    expect(listed).toEqual([
      expect.objectContaining({
        eventId: body.id,
        pin: PERSON.pin,
        attempts: 1,
        recordId: episodeId,
      }),
    ]);
    expect(receiver.received.filter((r) => r.path === '/ok')).toHaveLength(1);

    // The person sees, in migration's access log, that their return was told to labour-system.
    const citizen = await jol.as('DATA_SUBJECT', { pin: PERSON.pin });
    const log = await citizen(
      `query ($pin: PIN!) { person(pin: $pin) { accessLog { migration(first: 50) { events {
        operationType served outcome roles purpose } } } } }`,
      { pin: PERSON.pin },
    );
    expect(log.errors).toBeUndefined();
    expect(log.data!.person.accessLog.migration.events).toContainEqual({
      operationType: 'webhook',
      served: ['ChangeEvent.PERSON_RETURNED'],
      outcome: 'ALLOWED',
      roles: ['LABOUR_OFFICER'],
      purpose: 'RETURNEE_SUPPORT',
    });
    // The delivery list names the person too: the subscriber's reading it is in the same log.
    expect(log.data!.person.accessLog.migration.events).toContainEqual({
      operationType: 'query',
      served: ['Query.migrationEventDeliveries'],
      outcome: 'ALLOWED',
      roles: ['LABOUR_OFFICER'],
      purpose: 'RETURNEE_SUPPORT',
    });
  });

  it('refuses subscribers the policy does not let hear of an event, and stores nothing for them', async () => {
    const before = await migrationDb.collection('event_subscriptions').countDocuments();
    const input = { events: ['PERSON_RETURNED'], url: `${receiver.url}/ok` };
    const attempts: [string, Awaited<ReturnType<TestSystem['as']>>][] = [
      ['data subject', await jol.as('DATA_SUBJECT', { pin: PERSON.pin })],
      ['analyst', await jol.as('ANALYST')],
      ['auditor', await jol.as('AUDITOR')],
      [
        'region-scoped officer',
        await jol.as('LABOUR_OFFICER', { region: 'KG-C' }, 'RETURNEE_SUPPORT'),
      ],
      // Labour's own casework purpose reads episodes, but a purpose it may not declare does not.
      ['undeclarable purpose', await jol.as('LABOUR_OFFICER', {}, 'MEDICAL_CARE')],
      ['no purpose', await jol.as('LABOUR_OFFICER', {}, null)],
    ];
    for (const [who, client] of attempts) {
      const answer = await client(SUBSCRIBE('Migration'), { input });
      expect({ who, code: answer.errors?.[0]?.extensions?.code }).toEqual({
        who,
        code: 'FORBIDDEN',
      });
      expect(answer.data?.subscribeToMigrationEvents ?? null).toBeNull();
    }
    // A partner never reaches the graph with a free-form document: its gateway refuses first.
    const partner = await jol.as('PARTNER', { partner: 'RU-SFR' });
    const asPartner = await partner(SUBSCRIBE('Pensions'), {
      input: { events: ['PENSION_DECISION_RECORDED'], url: `${receiver.url}/ok` },
    });
    expect(asPartner.errors?.[0]?.extensions?.code).toBe('OPERATION_NOT_REGISTERED');
    // A labour officer does not read health data, so cannot hear of TB cases.
    const labour = await jol.as('LABOUR_OFFICER', {}, 'RETURNEE_SUPPORT');
    const tb = await labour(SUBSCRIBE('Health'), {
      input: { events: ['TB_CASE_OPENED'], url: `${receiver.url}/ok` },
    });
    expect(tb.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await migrationDb.collection('event_subscriptions').countDocuments()).toBe(before);
    expect(await healthDb.collection('event_subscriptions').countDocuments()).toBe(0);
  });

  it('refuses bad events and URLs with typed errors, storing nothing', async () => {
    const before = await migrationDb.collection('event_subscriptions').countDocuments();
    const officer = await jol.as('MIGRATION_OFFICER', { sub: 'migration-system' });
    const cases: [unknown, string][] = [
      [{ events: [], url: `${receiver.url}/ok` }, 'events'],
      [{ events: ['PERSON_RETURNED'], url: 'not a url' }, 'url'],
      [{ events: ['PERSON_RETURNED'], url: 'ftp://127.0.0.1/x' }, 'url'],
      [{ events: ['PERSON_RETURNED'], url: 'http://user:secret@127.0.0.1/x' }, 'url'],
      [{ events: ['PERSON_RETURNED'], url: 'http://10.0.0.1/hook' }, 'url'],
      [{ events: ['PERSON_RETURNED'], url: 'http://localhost:27017/' }, 'url'],
      [{ events: ['PERSON_RETURNED'], url: 'http://127.0.0.1.evil.example/x' }, 'url'],
      [{ events: ['PERSON_RETURNED'], url: `${receiver.url}/ok#frag` }, 'url'],
      [{ events: ['PERSON_RETURNED'], url: `${receiver.url}/${'a'.repeat(3000)}` }, 'url'],
    ];
    for (const [input, field] of cases) {
      const answer = await officer(SUBSCRIBE('Migration'), { input });
      expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(answer.errors?.[0]?.message).not.toMatch(/secret/);
    }
    // Another agency's event, or none of the catalogue: the schema refuses it before anything runs.
    for (const events of [['TB_CASE_OPENED'], ['EVERYTHING']]) {
      const unknownEvent = await officer(SUBSCRIBE('Migration'), {
        input: { events, url: `${receiver.url}/ok` },
      });
      expect(unknownEvent.status).toBe(400);
      expect(unknownEvent.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(await migrationDb.collection('event_subscriptions').countDocuments()).toBe(before);
  });

  it("keeps a subscription's deliveries and dead letters to the system that made it", async () => {
    const owner = await jol.as('HEALTH_OFFICER', { sub: 'health-system' }, 'PUBLIC_HEALTH');
    const made = await owner(SUBSCRIBE('Health'), {
      input: { events: ['HEALTH_CONSENT_GRANTED'], url: `${receiver.url}/ok` },
    });
    expect(made.errors).toBeUndefined();
    const id = made.data!.subscribeToHealthEvents.subscription.id as string;
    const other = await jol.as('HEALTH_OFFICER', { sub: 'someone-else' }, 'PUBLIC_HEALTH');
    const unknown = '0123456789abcdef01234567';
    // Somebody else's subscription answers exactly like one that does not exist.
    for (const [query, field] of [
      [DELIVERIES('health'), 'subscriptionId'],
      [`mutation ($id: ID!) { cancelHealthEventSubscription(id: $id) { id } }`, 'id'],
      [`mutation ($id: ID!) { replayHealthEventDelivery(id: $id) { id } }`, 'id'],
    ] as const) {
      const theirs = await other(query, { id });
      const nobodys = await other(query, { id: unknown });
      expect(theirs.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', field });
      expect(theirs.errors?.[0]?.message.replace(id, '<id>')).toBe(
        nobodys.errors?.[0]?.message.replace(unknown, '<id>'),
      );
    }
    // A role that may hear of none of health's events is refused before any lookup.
    const labour = await jol.as('LABOUR_OFFICER', {}, 'RETURNEE_SUPPORT');
    const refused = await labour(DELIVERIES('health'), { id });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const malformed = await owner(DELIVERIES('health'), { id: 'x' });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'subscriptionId',
    });
    const listed = await other(`{ healthEventSubscriptions { id } }`);
    expect(listed.data?.healthEventSubscriptions).toEqual([]);
    const mine = await owner(`{ healthEventSubscriptions { id } }`);
    expect(mine.data?.healthEventSubscriptions).toEqual([{ id }]);
    const cancelled = await owner(
      `mutation ($id: ID!) { cancelHealthEventSubscription(id: $id) { active cancelledAt } }`,
      { id },
    );
    expect(cancelled.data?.cancelHealthEventSubscription.active).toBe(false);
    const twice = await owner(
      `mutation ($id: ID!) { cancelHealthEventSubscription(id: $id) { id } }`,
      { id },
    );
    expect(twice.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('retries a failing subscriber, dead-letters the event, and delivers it on replay', async () => {
    const health = await jol.as('HEALTH_OFFICER', { sub: 'tb-register' }, 'PUBLIC_HEALTH');
    const made = await health(SUBSCRIBE('Health'), {
      input: { events: ['TB_CASE_OPENED'], url: `${receiver.url}/flaky` },
    });
    expect(made.errors).toBeUndefined();
    const id = made.data!.subscribeToHealthEvents.subscription.id as string;
    const medical = await jol.as('HEALTH_OFFICER', {}, 'MEDICAL_CARE');
    const opened = await medical(
      `mutation ($input: RecordTbCaseInput!) { recordTbCase(input: $input) { id } }`,
      {
        input: {
          pin: PERSON.pin,
          diagnosedOn: '2025-10-20',
          treatmentStatus: 'IN_TREATMENT',
          drugResistant: false,
        },
      },
    );
    expect(opened.errors).toBeUndefined();
    const dead = await waitFor('the dead letter', async () => {
      const answer = await health(DELIVERIES('health'), { id, status: 'DEAD' });
      return answer.data?.healthEventDeliveries?.[0];
    });
    expect(dead).toMatchObject({
      type: 'TB_CASE_OPENED',
      recordId: opened.data!.recordTbCase.id,
      attempts: 3,
      lastFailure: 'the subscriber answered HTTP 500',
    });
    const tries = receiver.received.filter((r) => r.path === '/flaky');
    expect(tries).toHaveLength(3);
    expect(new Set(tries.map((t) => t.headers['jol-event-id']))).toEqual(new Set([dead.eventId]));

    receiver.state.failing = false;
    const replayed = await health(
      `mutation ($id: ID!) { replayHealthEventDelivery(id: $id) { status attempts } }`,
      { id: dead.id },
    );
    expect(replayed.data?.replayHealthEventDelivery).toEqual({ status: 'PENDING', attempts: 0 });
    await waitFor('the replayed delivery', async () => {
      const answer = await health(DELIVERIES('health'), { id, status: 'DELIVERED' });
      return answer.data?.healthEventDeliveries?.[0];
    });
    expect(receiver.received.filter((r) => r.path === '/flaky')).toHaveLength(4);
    const again = await health(
      `mutation ($id: ID!) { replayHealthEventDelivery(id: $id) { status } }`,
      { id: dead.id },
    );
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    // Each attempt that told the subscriber something, or failed to, is in health's audit chain.
    const audited = await healthDb
      .collection('audit_events')
      .find({ operationType: 'webhook', sub: 'tb-register' })
      .toArray();
    expect(audited.map((e) => e.outcome).sort()).toEqual(['ALLOWED', 'FAILED']);
    expect(audited.every((e) => e.pins.join() === PERSON.pin)).toBe(true);
  });

  it("stops a subscription at the end of its term, until its maker renews it with today's roles", async () => {
    const DAY = 86_400_000;
    const TERM = { pin: '10808198100014', birthDate: '1981-08-08' };
    const LAPSED = { pin: '10909198200025', birthDate: '1982-09-09' };
    const RENEWED = { pin: '11010198300036', birthDate: '1983-10-10' };
    const medical = await jol.as('HEALTH_OFFICER', {}, 'MEDICAL_CARE');
    const openCase = async (person: { pin: string; birthDate: string }) => {
      await registerAbroad(person);
      const opened = await medical(
        `mutation ($input: RecordTbCaseInput!) { recordTbCase(input: $input) { id } }`,
        {
          input: {
            pin: person.pin,
            diagnosedOn: '2025-11-02',
            treatmentStatus: 'IN_TREATMENT',
            drugResistant: false,
          },
        },
      );
      expect(opened.errors).toBeUndefined();
      return opened.data!.recordTbCase.id as string;
    };
    const RENEW = `mutation ($id: ID!) { renewHealthEventSubscription(id: $id) {
      id purpose active expiresAt } }`;
    const owner = await jol.as('HEALTH_OFFICER', { sub: 'tb-term' }, 'PUBLIC_HEALTH');
    const subscribedAt = Date.now();
    const made = await owner(
      `mutation ($input: SubscribeToHealthEventsInput!) { subscribeToHealthEvents(input: $input) {
        subscription { id expiresAt } } }`,
      { input: { events: ['TB_CASE_OPENED'], url: `${receiver.url}/term` } },
    );
    expect(made.errors).toBeUndefined();
    const { id, expiresAt } = made.data!.subscribeToHealthEvents.subscription;
    // 30 days by default, from its making.
    const term = Date.parse(expiresAt as string) - subscribedAt;
    expect(term).toBeGreaterThan(30 * DAY - 60_000);
    expect(term).toBeLessThan(30 * DAY + 60_000);
    const deliveries = async () =>
      ((await owner(DELIVERIES('health'), { id })).data?.healthEventDeliveries ?? []) as {
        id: string;
        pin: string;
        status: string;
      }[];

    await openCase(TERM);
    const [delivered] = await waitFor('the delivery within the term', async () => {
      const listed = await deliveries();
      return listed[0]?.status === 'DELIVERED' ? listed : undefined;
    });

    // The term ends (as if 30 days had passed).
    const subscriptions = healthDb.collection('event_subscriptions');
    const objectId = (await subscriptions.findOne({ sub: 'tb-term' }))!._id;
    const lapsedAt = new Date(Date.now() - 1000);
    await subscriptions.updateOne({ _id: objectId }, { $set: { expiresAt: lapsedAt } });
    const replay = await owner(
      `mutation ($id: ID!) { replayHealthEventDelivery(id: $id) { id } }`,
      { id: delivered!.id },
    );
    expect(replay.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(replay.errors?.[0]?.message).toMatch(/expired subscription: renew it first/);
    const lapsedCase = await openCase(LAPSED);
    await waitFor('the lapsed change to be fanned out', async () =>
      (await healthDb.collection('change_events').findOne({ recordId: lapsedCase }))?.fannedOut
        ? true
        : undefined,
    );
    expect((await deliveries()).map((d) => d.pin)).toEqual([TERM.pin]);

    // Only its maker renews it, and only with a token that may still hear of its events.
    const other = await jol.as('HEALTH_OFFICER', { sub: 'someone-else' }, 'PUBLIC_HEALTH');
    const theirs = await other(RENEW, { id });
    const nobodys = await other(RENEW, { id: '0123456789abcdef01234567' });
    expect(theirs.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', field: 'id' });
    expect(theirs.errors?.[0]?.message.replace(id as string, '<id>')).toBe(
      nobodys.errors?.[0]?.message.replace('0123456789abcdef01234567', '<id>'),
    );
    const demoted = await jol.as('LABOUR_OFFICER', { sub: 'tb-term' }, 'RETURNEE_SUPPORT');
    expect((await demoted(RENEW, { id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const regional = await jol.as(
      'HEALTH_OFFICER',
      { sub: 'tb-term', region: 'KG-J' },
      'PUBLIC_HEALTH',
    );
    expect((await regional(RENEW, { id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await subscriptions.findOne({ _id: objectId }))!.expiresAt.getTime()).toBeLessThan(
      Date.now(),
    );

    // Renewed under another purpose, the subscription keeps that one for its deliveries.
    const renewer = await jol.as('HEALTH_OFFICER', { sub: 'tb-term' }, 'MEDICAL_CARE');
    const renewedAt = Date.now();
    const renewed = await renewer(RENEW, { id });
    expect(renewed.errors).toBeUndefined();
    expect(renewed.data!.renewHealthEventSubscription).toMatchObject({
      id,
      purpose: 'MEDICAL_CARE',
      active: true,
    });
    expect(
      Date.parse(renewed.data!.renewHealthEventSubscription.expiresAt as string) - renewedAt,
    ).toBeGreaterThan(30 * DAY - 60_000);
    // The time it stood expired is kept, so that no change of it is fanned out later.
    const { lapse } = (await subscriptions.findOne({ _id: objectId }))!;
    expect(lapse.from.getTime()).toBe(lapsedAt.getTime());
    expect(Math.abs(lapse.to.getTime() - renewedAt)).toBeLessThan(60_000);
    await openCase(RENEWED);
    await waitFor('the delivery after renewal', async () => {
      const listed = await deliveries();
      return listed.some((d) => d.pin === RENEWED.pin && d.status === 'DELIVERED')
        ? listed
        : undefined;
    });
    // What changed while it had lapsed was never sent.
    const told = receiver.received
      .filter((r) => r.path === '/term')
      .map((r) => (JSON.parse(r.body) as { pin: string }).pin);
    expect(told).toEqual([TERM.pin, RENEWED.pin]);

    await owner(`mutation ($id: ID!) { cancelHealthEventSubscription(id: $id) { id } }`, { id });
    const afterCancel = await owner(RENEW, { id });
    expect(afterCancel.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('dead-letters an unreachable subscriber without losing the event', async () => {
    const closed = createServer();
    const port = await new Promise<number>((resolve) =>
      closed.listen(0, '127.0.0.1', () => resolve((closed.address() as AddressInfo).port)),
    );
    await new Promise((r) => closed.close(r));
    const health = await jol.as('HEALTH_OFFICER', { sub: 'gone-system' }, 'PUBLIC_HEALTH');
    const made = await health(SUBSCRIBE('Health'), {
      input: { events: ['HEALTH_CONSENT_GRANTED'], url: `http://127.0.0.1:${port}/hook` },
    });
    expect(made.errors).toBeUndefined();
    const id = made.data!.subscribeToHealthEvents.subscription.id as string;
    const granted = await (
      await jol.as('DATA_SUBJECT', { pin: PERSON.pin })
    )(`mutation ($input: GrantHealthConsentInput!) { grantHealthConsent(input: $input) { id } }`, {
      input: {
        pin: PERSON.pin,
        recipientAgency: 'LABOUR',
        purpose: 'EMPLOYMENT_SERVICES',
        expiresOn: '2027-12-31',
      },
    });
    expect(granted.errors).toBeUndefined();
    const dead = await waitFor('the dead letter', async () => {
      const answer = await health(DELIVERIES('health'), { id, status: 'DEAD' });
      return answer.data?.healthEventDeliveries?.[0];
    });
    expect(dead).toMatchObject({
      type: 'HEALTH_CONSENT_GRANTED',
      recordId: granted.data!.grantHealthConsent.id,
      lastFailure: 'the subscriber could not be reached',
    });
  });

  it('records no event for a change that was refused or failed', async () => {
    const events = () => migrationDb.collection('change_events').countDocuments();
    const before = await events();
    // Not abroad any more: the return is refused, and so is its event.
    const again = await migration(
      `mutation ($input: RegisterReturnInput!) { registerReturn(input: $input) { id } }`,
      { input: { pin: PERSON.pin, returnedOn: '2025-10-02' } },
    );
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const citizen = await jol.as('DATA_SUBJECT', { pin: PERSON.pin });
    const refused = await citizen(
      `mutation ($input: RegisterReturnInput!) { registerReturn(input: $input) { id } }`,
      { input: { pin: PERSON.pin, returnedOn: '2025-10-02' } },
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await events()).toBe(before);
  });

  it("gives a partner an inbox of its own cases' decisions, in order, and nobody else's", async () => {
    const manifests = join(REPO_ROOT, 'gateway', 'src', 'partner-operations', 'manifests');
    const partner = async (code: string) =>
      new PartnerClient({
        url: jol.graphqlUrl,
        token: await jol.token('PARTNER', { partner: code, sub: `${code}-system` }),
        manifest: JSON.parse(
          readFileSync(join(manifests, `${code}.json`), 'utf8'),
        ) as PartnerManifest,
      });
    const ru = await partner('RU-SFR');
    const kz = await partner('KZ-GK');
    await registerAbroad(PARTNER_PERSON);
    const start = await ru.inbox(0);
    const opened = await ru.openCase({
      pin: PARTNER_PERSON.pin,
      foreignId: PARTNER_PERSON.snils,
      agreement: 'EAEU-2019',
    });
    const officer = await jol.as('PENSION_OFFICER');
    const documents: string[] = [];
    for (const result of ['GRANTED', 'REFUSED']) {
      const recorded = await officer(
        `mutation ($input: RecordPensionDecisionInput!) { recordPensionDecision(input: $input) { documentId } }`,
        {
          input: {
            caseId: opened.caseId,
            type: 'OLD_AGE',
            result,
            effectiveOn: '2025-04-01',
            basis: 'WORK',
            ...(result === 'GRANTED'
              ? {
                  grossAmount: '9120.00',
                  netAmount: '9120.00',
                  currency: 'KGS',
                  frequency: 'MONTHLY',
                }
              : { refusalReasons: ['Not enough insured periods'] }),
          },
        },
      );
      expect(recorded.errors).toBeUndefined();
      documents.push(recorded.data!.recordPensionDecision.documentId as string);
    }
    const first = await ru.inbox(start.cursor, 1);
    expect(first.notices).toEqual([
      expect.objectContaining({
        type: 'PENSION_DECISION_RECORDED',
        caseId: opened.caseId,
        documentId: documents[0],
      }),
    ]);
    expect(first.hasMore).toBe(true);
    const second = await ru.inbox(first.cursor, 10);
    expect(second.notices.map((n) => n.documentId)).toEqual([documents[1]]);
    expect(second.hasMore).toBe(false);
    expect(second.notices[0]!.seq).toBeGreaterThan(first.notices[0]!.seq);
    expect((await ru.inbox(second.cursor)).notices).toEqual([]);
    // Another institution's inbox holds none of it.
    const other = await kz.inbox(0, 100);
    expect(other.notices.filter((n) => n.caseId === opened.caseId)).toEqual([]);
    await expect(ru.inbox(-1)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(ru.inbox(0, 1000)).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    // Officers do not read partners' inboxes.
    const asOfficer = await officer(`{ pensionExchangeInbox(after: 0) { cursor } }`);
    expect(asOfficer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
