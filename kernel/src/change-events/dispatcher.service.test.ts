import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Types, type Connection } from 'mongoose';
import { createAuditChain } from '../audit/chain';
import { createAuditEventModel } from '../audit/audit-event.model';
import {
  dropTestDatabase,
  openTestDatabase,
  prepareTestDatabase,
  quietLogger,
} from '@jol/testkit/service';
import { createChangeEventModels, type ChangeEventModels } from './change-event.model';
import { createChangeEventDispatcher } from './dispatcher';
import { DEFAULT_WEBHOOK_SETTINGS } from './webhook-settings';

const DAY = 86_400_000;
const NOW = new Date('2026-11-30T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

/**
 * Retention of the outbox and the deliveries on the real store: what is done with and older than
 * the retention period goes; a pending delivery, a partner's inbox event, an event not yet fanned
 * out and anything younger stay.
 */
describe('the dispatcher deleting what its retention period is over for', () => {
  let connection: Connection;
  let models: ChangeEventModels;

  beforeAll(async () => {
    connection = await openTestDatabase('retention');
    models = createChangeEventModels(connection);
    createAuditEventModel(connection);
    await prepareTestDatabase(connection);
  });
  afterAll(async () => {
    await dropTestDatabase(connection);
  });

  it('keeps 30 days by default, counting from the last attempt or the occurrence', async () => {
    let seq = 0;
    const event = async (label: string, occurred: Date, extra: Record<string, unknown> = {}) => {
      seq += 1;
      await models.ChangeEvent.create({
        seq,
        type: 'PERSON_RETURNED',
        recordId: label,
        pin: '10101199000011',
        partner: null,
        occurredAt: occurred,
        fannedOut: true,
        ...extra,
      });
    };
    const delivery = async (
      label: string,
      status: 'PENDING' | 'DELIVERED' | 'DEAD',
      lastAttempt: Date,
    ) => {
      await models.EventDelivery.create({
        eventId: new Types.ObjectId(),
        subscriptionId: new Types.ObjectId(),
        sub: 'labour-system',
        type: 'PERSON_RETURNED',
        recordId: label,
        pin: '10101199000011',
        occurredAt: daysAgo(400),
        status,
        attempts: 1,
        nextAttemptAt: lastAttempt,
      });
    };
    await event('old', daysAgo(31));
    await event('young', daysAgo(29));
    await event('old-not-fanned-out', daysAgo(60), { fannedOut: false });
    await event('old-partner-inbox', daysAgo(60), { partner: 'RU-SFR' });
    await delivery('delivered-long-ago', 'DELIVERED', daysAgo(31));
    await delivery('dead-long-ago', 'DEAD', daysAgo(45));
    await delivery('dead-lately', 'DEAD', daysAgo(3));
    await delivery('pending-long-ago', 'PENDING', daysAgo(90));

    const dispatcher = createChangeEventDispatcher({
      service: 'retention',
      connection,
      chain: createAuditChain(createAuditEventModel(connection)),
      settings: DEFAULT_WEBHOOK_SETTINGS,
      log: quietLogger(),
    });
    expect(await dispatcher.pruneExpired(NOW)).toEqual({ events: 1, deliveries: 2 });
    const kept = async (
      model: ChangeEventModels['ChangeEvent'] | ChangeEventModels['EventDelivery'],
    ) =>
      (await (model as ChangeEventModels['ChangeEvent']).find({}, { recordId: 1 }).lean())
        .map((doc) => doc.recordId)
        .sort();
    expect(await kept(models.ChangeEvent)).toEqual([
      'old-not-fanned-out',
      'old-partner-inbox',
      'young',
    ]);
    expect(await kept(models.EventDelivery)).toEqual(['dead-lately', 'pending-long-ago']);

    // A longer retention keeps what the default would delete.
    await event('older', daysAgo(40));
    const patient = createChangeEventDispatcher({
      service: 'retention',
      connection,
      chain: createAuditChain(createAuditEventModel(connection)),
      settings: { ...DEFAULT_WEBHOOK_SETTINGS, retentionDays: 60 },
      log: quietLogger(),
    });
    expect(await patient.pruneExpired(NOW)).toEqual({ events: 0, deliveries: 0 });
  });
});

/**
 * A test database with the change-event models, and a subscriber on 127.0.0.1 that takes every
 * delivery and counts the calls, for one describe block.
 */
function deliveryFixture(name: string) {
  const fixture = {
    connection: undefined as unknown as Connection,
    models: undefined as unknown as ChangeEventModels,
    port: 0,
    hits: 0,
  };
  let receiver: Server;
  beforeAll(async () => {
    fixture.connection = await openTestDatabase(name);
    fixture.models = createChangeEventModels(fixture.connection);
    createAuditEventModel(fixture.connection);
    await prepareTestDatabase(fixture.connection);
    receiver = createServer((req, res) => {
      fixture.hits += 1;
      req.resume().on('end', () => res.writeHead(204).end());
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    fixture.port = (receiver.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => receiver.close(resolve));
    await dropTestDatabase(fixture.connection);
  });
  return fixture;
}

/**
 * Deliveries on the real store to a subscriber on this machine, named by an allowed host name
 * (localhost): the connection is refused for the address the name resolves to, unless the
 * allow-list names that address itself.
 */
describe('the dispatcher delivering to an allowed name that resolves internally', () => {
  const fixture = deliveryFixture('webhook_address');

  const pendingDelivery = async () => {
    const subscription = await fixture.models.EventSubscription.create({
      sub: 'labour-system',
      roles: ['LABOUR_OFFICER'],
      agency: null,
      region: null,
      purpose: 'RETURNEE_SUPPORT',
      events: ['PERSON_RETURNED'],
      url: `http://localhost:${fixture.port}/hook`,
      secret: 'whsec_test-secret-test-secret-test-secret-000',
      active: true,
      createdAt: new Date(Date.now() - 60_000),
      expiresAt: new Date(Date.now() + DAY),
    });
    const delivery = await fixture.models.EventDelivery.create({
      eventId: new Types.ObjectId(),
      subscriptionId: subscription._id,
      sub: 'labour-system',
      type: 'PERSON_RETURNED',
      recordId: new Types.ObjectId().toHexString(),
      pin: '10707198500093',
      occurredAt: new Date(),
      status: 'PENDING',
      attempts: 0,
      nextAttemptAt: new Date(Date.now() - 1000),
    });
    return delivery._id;
  };
  const dispatcherAllowing = (allowedHosts: string[]) =>
    createChangeEventDispatcher({
      service: 'webhook_address',
      connection: fixture.connection,
      chain: createAuditChain(createAuditEventModel(fixture.connection)),
      settings: { ...DEFAULT_WEBHOOK_SETTINGS, allowedHosts, allowHttp: true, maxAttempts: 1 },
      log: quietLogger(),
    });

  it('gives the delivery up without connecting, and says why', async () => {
    const id = await pendingDelivery();
    await dispatcherAllowing(['localhost']).runOnce();
    expect(await fixture.models.EventDelivery.findById(id).lean()).toMatchObject({
      status: 'DEAD',
      lastFailure: "the subscriber's host resolves to an address webhooks are not delivered to",
    });
    expect(fixture.hits).toBe(0);
  });

  it('delivers when the allow-list names the address itself', async () => {
    const id = await pendingDelivery();
    await dispatcherAllowing(['localhost', '127.0.0.1', '::1']).runOnce();
    expect(await fixture.models.EventDelivery.findById(id).lean()).toMatchObject({
      status: 'DELIVERED',
    });
    expect(fixture.hits).toBe(1);
  });
});

/**
 * A subscription's term on the real store: a change after it is not fanned out to it, and a
 * delivery still due when it ends is given up without a call, until its maker renews it.
 */
describe('the dispatcher and an expired subscription', () => {
  const fixture = deliveryFixture('webhook_term');

  const dispatcher = () =>
    createChangeEventDispatcher({
      service: 'webhook_term',
      connection: fixture.connection,
      chain: createAuditChain(createAuditEventModel(fixture.connection)),
      settings: { ...DEFAULT_WEBHOOK_SETTINGS, allowedHosts: ['127.0.0.1'], allowHttp: true },
      log: quietLogger(),
    });
  const subscription = (createdAt: Date, expiresAt: Date) =>
    fixture.models.EventSubscription.create({
      sub: 'labour-system',
      roles: ['LABOUR_OFFICER'],
      agency: null,
      region: null,
      purpose: 'RETURNEE_SUPPORT',
      events: ['PERSON_RETURNED'],
      url: `http://127.0.0.1:${fixture.port}/hook`,
      secret: 'whsec_test-secret-test-secret-test-secret-000',
      active: true,
      createdAt,
      expiresAt,
    });
  let seq = 0;
  const event = async (occurredAt: Date) => {
    seq += 1;
    return fixture.models.ChangeEvent.create({
      seq,
      type: 'PERSON_RETURNED',
      recordId: new Types.ObjectId().toHexString(),
      pin: '10707198500093',
      partner: null,
      occurredAt,
      fannedOut: false,
    });
  };

  it('fans a change out only to the subscriptions not expired when it happened', async () => {
    const now = Date.now();
    const lapsed = await subscription(new Date(now - 40 * DAY), new Date(now - 10 * DAY));
    const current = await subscription(new Date(now - 40 * DAY), new Date(now + 20 * DAY));
    const before = await event(new Date(now - 20 * DAY));
    const after = await event(new Date(now - DAY));
    await dispatcher().runOnce();
    const fannedOut = async (eventId: Types.ObjectId) =>
      (await fixture.models.EventDelivery.find({ eventId }).lean())
        .map((d) => d.subscriptionId.toHexString())
        .sort();
    expect(await fannedOut(before._id)).toEqual(
      [lapsed._id.toHexString(), current._id.toHexString()].sort(),
    );
    expect(await fannedOut(after._id)).toEqual([current._id.toHexString()]);
    // The lapsed subscription's delivery, due after its term, was given up without a call.
    expect(
      await fixture.models.EventDelivery.findOne({
        eventId: before._id,
        subscriptionId: lapsed._id,
      }).lean(),
    ).toMatchObject({
      status: 'DEAD',
      attempts: 0,
      lastFailure: 'the subscription expired: renew it, then replay the delivery',
    });
    expect(fixture.hits).toBe(2);
  });

  it('does not fan out what changed while a renewed subscription stood expired', async () => {
    const now = Date.now();
    // Renewed two days ago after eight days expired; the dispatcher had fallen behind meanwhile.
    const renewed = await subscription(new Date(now - 60 * DAY), new Date(now + 28 * DAY));
    await fixture.models.EventSubscription.updateOne(
      { _id: renewed._id },
      { $set: { lapse: { from: new Date(now - 10 * DAY), to: new Date(now - 2 * DAY) } } },
    );
    const inTerm = await event(new Date(now - 20 * DAY));
    const inLapse = await event(new Date(now - 5 * DAY));
    const afterRenewal = await event(new Date(now - DAY));
    await dispatcher().runOnce();
    const told = await fixture.models.EventDelivery.find({ subscriptionId: renewed._id }).lean();
    expect(told.map((d) => d.eventId.toHexString()).sort()).toEqual(
      [inTerm._id.toHexString(), afterRenewal._id.toHexString()].sort(),
    );
    expect(await fixture.models.ChangeEvent.findById(inLapse._id).lean()).toMatchObject({
      fannedOut: true,
    });
  });

  it('takes a subscription kept without a term for expired', async () => {
    const now = Date.now();
    const kept = await subscription(new Date(now - DAY), new Date(now + DAY));
    await fixture.models.EventSubscription.collection.updateOne(
      { _id: kept._id },
      { $unset: { expiresAt: '' } },
    );
    const changed = await event(new Date(now - 1000));
    const calls = fixture.hits;
    await dispatcher().runOnce();
    expect(await fixture.models.EventDelivery.countDocuments({ subscriptionId: kept._id })).toBe(0);
    // The current subscriptions of the earlier tests were told.
    expect(await fixture.models.EventDelivery.countDocuments({ eventId: changed._id })).toBe(2);
    expect(fixture.hits).toBe(calls + 2);
    expect(await fixture.models.ChangeEvent.findById(changed._id).lean()).toMatchObject({
      fannedOut: true,
    });
  });
});
