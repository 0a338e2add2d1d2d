import type { Connection } from 'mongoose';
import { subscriptionEntitled } from '../access/decide';
import type { AuditChain } from '../audit/chain';
import type { Logger } from '../logger';
import {
  createChangeEventModels,
  type ChangeEventModels,
  type ChangeEventRecord,
} from './change-event.model';
import { EVENT_ID_HEADER, SIGNATURE_HEADER, signDelivery } from './delivery-signature';
import type { EventDeliveryRecord, EventSubscriptionRecord } from './subscription.model';
import type { WebhookSettings } from './webhook-settings';
import { fetch } from 'undici';
import { createWebhookAgent, INTERNAL_ADDRESS } from './webhook-address';
import { isAllowedHost } from './webhook-url';

const DAY_MS = 86_400_000;
/** How often the polling loop deletes expired events and deliveries. */
const PRUNE_EVERY_MS = 3_600_000;

/** The coordinate an audit event of a delivery names: what the subscriber was told. */
export const deliveredCoordinate = (type: string) => `ChangeEvent.${type}`;

export interface ChangeEventDispatcher {
  /** One pass: fans new events out and attempts the deliveries that are due. For tests and tools. */
  runOnce(): Promise<void>;
  /**
   * Deletes what the retention period is over for (see WebhookSettings.retentionDays), as of `now`;
   * the polling loop runs it once an hour. Resolves to what it deleted.
   */
  pruneExpired(now?: Date): Promise<{ events: number; deliveries: number }>;
  start(): void;
  /** Stops polling and waits for the pass in flight. */
  stop(): Promise<void>;
}

/**
 * Delivers an agency's change events: fans each new outbox event out into one delivery per
 * subscription that wants it (unique per pair, so a pass that crashes halfway is simply run again),
 * then attempts the due deliveries, each held by a lease so that replicas do not send it twice at
 * once. Delivery is at least once: a subscriber may see an event again and drops it by its id.
 * Every delivery, made or given up, is audited in the agency's chain under the subscriber's name.
 */
export function createChangeEventDispatcher(options: {
  service: string;
  connection: Connection;
  chain: AuditChain;
  settings: WebhookSettings;
  log: Logger;
  /** Batch size of one pass. @default 50 */
  batch?: number;
}): ChangeEventDispatcher {
  const { service, connection, chain, settings, log } = options;
  const batch = options.batch ?? 50;
  const events: ChangeEventModels = createChangeEventModels(connection);
  const { EventSubscription: Subscriptions, EventDelivery: Deliveries } = events;
  // Every connection to a subscriber checks the addresses its host resolves to.
  const agent = createWebhookAgent(settings.allowedHosts);

  const fanOut = async () => {
    const fresh = await events.ChangeEvent.find({ fannedOut: false })
      .sort({ seq: 1 })
      .limit(batch)
      .lean<ChangeEventRecord[]>();
    for (const event of fresh) {
      // Subscriptions made after the change do not hear of it, nor those expired by then.
      const wanting = (
        await Subscriptions.find(
          {
            active: true,
            events: event.type,
            createdAt: { $lte: event.occurredAt },
            expiresAt: { $gt: event.occurredAt },
          },
          { _id: 1, sub: 1, lapse: 1 },
        ).lean<Pick<EventSubscriptionRecord, '_id' | 'sub' | 'lapse'>[]>()
      ).filter(
        ({ lapse }) => !(lapse && lapse.from <= event.occurredAt && event.occurredAt < lapse.to),
      );
      if (wanting.length > 0) {
        await Deliveries.bulkWrite(
          wanting.map((s) => ({
            updateOne: {
              filter: { eventId: event._id, subscriptionId: s._id },
              update: {
                $setOnInsert: {
                  sub: s.sub,
                  type: event.type,
                  recordId: event.recordId,
                  pin: event.pin,
                  occurredAt: event.occurredAt,
                  status: 'PENDING',
                  attempts: 0,
                  nextAttemptAt: new Date(),
                  leaseUntil: null,
                  lastFailure: null,
                  deliveredAt: null,
                },
              },
              upsert: true,
            },
          })),
          { ordered: false },
        );
      }
      await events.ChangeEvent.updateOne({ _id: event._id }, { $set: { fannedOut: true } });
    }
  };

  const audit = async (
    delivery: EventDeliveryRecord,
    subscription: EventSubscriptionRecord | null,
    delivered: boolean,
  ) => {
    const coordinate = deliveredCoordinate(delivery.type);
    await chain.append({
      requestId: delivery._id.toHexString(),
      callerRequestId: null,
      sub: subscription?.sub ?? delivery.sub,
      roles: subscription?.roles ?? [],
      agency: subscription?.agency ?? null,
      partner: null,
      purpose: subscription?.purpose ?? null,
      at: new Date(),
      service,
      operationType: 'webhook',
      callerOperationName: null,
      callerOperationId: null,
      served: delivered ? [coordinate] : [],
      refused: [],
      failed: delivered ? [] : [coordinate],
      pins: [delivery.pin],
      outcome: delivered ? 'ALLOWED' : 'FAILED',
    });
  };

  /** Gives a delivery up: DEAD, with the reason; the subscriber may replay it later. */
  const bury = async (
    delivery: EventDeliveryRecord,
    subscription: EventSubscriptionRecord | null,
    reason: string,
    attempted: boolean,
  ) => {
    await Deliveries.updateOne(
      { _id: delivery._id },
      {
        $set: { status: 'DEAD', leaseUntil: null, lastFailure: reason },
        ...(attempted ? { $inc: { attempts: 1 } } : {}),
      },
    );
    // Only an attempt told the subscriber something; a delivery never sent discloses nothing.
    if (attempted) await audit(delivery, subscription, false);
  };

  /** Sends one delivery; resolves to the failure's reason, or null when the subscriber took it. */
  const send = async (
    delivery: EventDeliveryRecord,
    subscription: EventSubscriptionRecord,
  ): Promise<string | null> => {
    const body = JSON.stringify({
      id: delivery.eventId.toHexString(),
      type: delivery.type,
      agency: service,
      occurredAt: delivery.occurredAt.toISOString(),
      recordId: delivery.recordId,
      pin: delivery.pin,
    });
    const timestamp = Math.floor(Date.now() / 1000);
    try {
      const response = await fetch(subscription.url, {
        dispatcher: agent,
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(settings.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Jol-Webhooks/1',
          [EVENT_ID_HEADER]: delivery.eventId.toHexString(),
          'idempotency-key': delivery.eventId.toHexString(),
          [SIGNATURE_HEADER]: signDelivery(subscription.secret, timestamp, body),
        },
        body,
      });
      await response.body?.cancel().catch(() => undefined);
      return response.status >= 200 && response.status < 300
        ? null
        : `the subscriber answered HTTP ${response.status}`;
    } catch (error) {
      if (error instanceof Error && error.name === 'TimeoutError')
        return `the subscriber did not answer within ${settings.timeoutMs} ms`;
      const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
      return cause?.code === INTERNAL_ADDRESS
        ? "the subscriber's host resolves to an address webhooks are not delivered to"
        : 'the subscriber could not be reached';
    }
  };

  const attempt = async (delivery: EventDeliveryRecord) => {
    const subscription = await Subscriptions.findById(
      delivery.subscriptionId,
    ).lean<EventSubscriptionRecord>();
    if (!subscription?.active)
      return bury(delivery, subscription, 'the subscription was cancelled', false);
    // Its roles are the subscriber's of the day it was made or renewed: not heard past its term.
    if (!(subscription.expiresAt > new Date()))
      return bury(
        delivery,
        subscription,
        'the subscription expired: renew it, then replay the delivery',
        false,
      );
    if (!subscriptionEntitled(subscription, delivery.type))
      return bury(
        delivery,
        subscription,
        'the policy no longer lets the subscriber hear of it',
        false,
      );
    if (!isAllowedHost(new URL(subscription.url).hostname, settings.allowedHosts))
      return bury(delivery, subscription, "the subscriber's host is no longer allowed", false);
    const failure = await send(delivery, subscription);
    const attempts = delivery.attempts + 1;
    if (failure === null) {
      await Deliveries.updateOne(
        { _id: delivery._id },
        {
          $set: {
            status: 'DELIVERED',
            deliveredAt: new Date(),
            leaseUntil: null,
            lastFailure: null,
          },
          $inc: { attempts: 1 },
        },
      );
      await audit(delivery, subscription, true);
      return;
    }
    if (attempts >= settings.maxAttempts) return bury(delivery, subscription, failure, true);
    // Exponential backoff with full jitter: replicas and subscribers recovering together spread out.
    const ceiling = settings.retryBaseMs * 2 ** (attempts - 1);
    const delay = Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
    await Deliveries.updateOne(
      { _id: delivery._id },
      {
        $set: {
          nextAttemptAt: new Date(Date.now() + delay),
          leaseUntil: null,
          lastFailure: failure,
        },
        $inc: { attempts: 1 },
      },
    );
  };

  const deliverDue = async () => {
    for (let i = 0; i < batch; i++) {
      const now = new Date();
      const claimed = await Deliveries.findOneAndUpdate(
        {
          status: 'PENDING',
          nextAttemptAt: { $lte: now },
          $or: [{ leaseUntil: null }, { leaseUntil: { $lt: now } }],
        },
        { $set: { leaseUntil: new Date(now.getTime() + settings.timeoutMs * 2 + 1000) } },
        { sort: { nextAttemptAt: 1 }, returnDocument: 'after' },
      ).lean<EventDeliveryRecord>();
      if (!claimed) return;
      await attempt(claimed);
    }
  };

  const pruneExpired = async (now = new Date()) => {
    const cutoff = new Date(now.getTime() - settings.retentionDays * DAY_MS);
    // A delivery still PENDING is never deleted, however old; a final one goes with its last attempt.
    const deliveries = await Deliveries.deleteMany({
      status: { $in: ['DELIVERED', 'DEAD'] },
      nextAttemptAt: { $lt: cutoff },
    });
    // A partner's inbox is read at the partner's pace (exchange-inbox): its events stay.
    const fannedOut = await events.ChangeEvent.deleteMany({
      fannedOut: true,
      occurredAt: { $lt: cutoff },
      partner: null,
    });
    const deleted = { events: fannedOut.deletedCount, deliveries: deliveries.deletedCount };
    if (deleted.events > 0 || deleted.deliveries > 0)
      log.info({ ...deleted, retentionDays: settings.retentionDays }, 'change events expired');
    return deleted;
  };

  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  let prunedAt = 0;

  const runOnce = async () => {
    await fanOut();
    await deliverDue();
    if (Date.now() - prunedAt >= PRUNE_EVERY_MS) {
      prunedAt = Date.now();
      await pruneExpired();
    }
  };
  const tick = () => {
    running = runOnce()
      .catch((error: unknown) => log.error({ err: error }, 'change event delivery pass failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, settings.pollMs);
      });
  };

  return {
    runOnce,
    pruneExpired,
    start() {
      if (timer || stopped) return;
      timer = setTimeout(tick, settings.pollMs);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
