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
