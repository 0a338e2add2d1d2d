import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { CHANGE_EVENT_TYPES, type ChangeEventType } from '@jol/schema';

/**
 * An agency system's subscription to some of an agency's change events, kept in that agency's
 * database with who made or last renewed it (token `sub`, roles, region, the purpose declared),
 * so that every delivery is decided again against the policy of the day, until it expires.
 */
export interface EventSubscriptionRecord {
  _id: Types.ObjectId;
  sub: string;
  roles: string[];
  /** The `agency` claim of the subscriber's token, for the audit. */
  agency: string | null;
  region: string | null;
  purpose: string;
  events: ChangeEventType[];
  url: string;
  /** The HMAC key deliveries are signed with; shown to the subscriber once, at creation. */
  secret: string;
  active: boolean;
  createdAt: Date;
  /**
   * Until when it is heard (WebhookSettings.subscriptionDays from its making or last renewal);
   * a record without one is taken as expired.
   */
  expiresAt: Date;
  /**
   * The last time it stood expired, from its term's end to its renewal: a change made then is not
   * fanned out to it, however late the dispatcher comes to it.
   */
  lapse?: { from: Date; to: Date } | null;
  cancelledAt: Date | null;
}

const subscriptionSchema = new Schema<EventSubscriptionRecord>(
  {
    sub: { type: String, required: true },
    roles: { type: [String], required: true },
    agency: { type: String, default: null },
    region: { type: String, default: null },
    purpose: { type: String, required: true },
    events: { type: [{ type: String, enum: CHANGE_EVENT_TYPES }], required: true },
    url: { type: String, required: true },
    secret: { type: String, required: true },
    active: { type: Boolean, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    lapse: { type: { _id: false, from: Date, to: Date }, default: null },
    cancelledAt: { type: Date, default: null },
  },
  { collection: 'event_subscriptions', versionKey: false },
);
subscriptionSchema.index({ active: 1, events: 1 });
subscriptionSchema.index({ sub: 1, createdAt: -1 });

export type EventSubscriptionModel = Model<EventSubscriptionRecord>;

export function createEventSubscriptionModel(connection: Connection): EventSubscriptionModel {
  return (
    (connection.models.EventSubscription as EventSubscriptionModel | undefined) ??
    connection.model<EventSubscriptionRecord>('EventSubscription', subscriptionSchema)
  );
}

export const DELIVERY_STATUSES = ['PENDING', 'DELIVERED', 'DEAD'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One event for one subscription: created once per pair (unique), attempted until the subscriber
 * answers 2xx or the attempts run out (DEAD, the dead-letter list), replayable by its subscriber.
 */
export interface EventDeliveryRecord {
  _id: Types.ObjectId;
  eventId: Types.ObjectId;
  subscriptionId: Types.ObjectId;
  /** The subscriber's `sub`, so that its deliveries are listed without a join. */
  sub: string;
  type: ChangeEventType;
  recordId: string;
  pin: string;
  occurredAt: Date;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date;
  /** Until when a dispatcher holds the delivery (another replica leaves it alone meanwhile). */
  leaseUntil: Date | null;
  /** Why the last attempt failed, in Jol's words (never the subscriber's response body). */
  lastFailure: string | null;
  deliveredAt: Date | null;
}

const deliverySchema = new Schema<EventDeliveryRecord>(
  {
    eventId: { type: Schema.Types.ObjectId, required: true },
    subscriptionId: { type: Schema.Types.ObjectId, required: true },
    sub: { type: String, required: true },
    type: { type: String, enum: CHANGE_EVENT_TYPES, required: true },
    recordId: { type: String, required: true },
    pin: { type: String, required: true },
    occurredAt: { type: Date, required: true },
    status: { type: String, enum: DELIVERY_STATUSES, required: true },
    attempts: { type: Number, required: true },
    nextAttemptAt: { type: Date, required: true },
    leaseUntil: { type: Date, default: null },
    lastFailure: { type: String, default: null },
    deliveredAt: { type: Date, default: null },
  },
  { collection: 'event_deliveries', versionKey: false },
);
deliverySchema.index({ eventId: 1, subscriptionId: 1 }, { unique: true });
deliverySchema.index({ status: 1, nextAttemptAt: 1 });
deliverySchema.index({ subscriptionId: 1, status: 1, _id: -1 });

export type EventDeliveryModel = Model<EventDeliveryRecord>;

export function createEventDeliveryModel(connection: Connection): EventDeliveryModel {
  return (
    (connection.models.EventDelivery as EventDeliveryModel | undefined) ??
    connection.model<EventDeliveryRecord>('EventDelivery', deliverySchema)
  );
}
