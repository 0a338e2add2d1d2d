import { Schema, type ClientSession, type Connection, type Model, type Types } from 'mongoose';
import { CHANGE_EVENT_TYPES, type ChangeEventType } from '@jol/schema';
import {
  createEventDeliveryModel,
  createEventSubscriptionModel,
  type EventDeliveryModel,
  type EventSubscriptionModel,
} from './subscription.model';

/**
 * The outbox: one document per change an agency's systems may hear of, written in the same
 * transaction as the change itself, so a change is never stored without its event nor an event
 * without its change. `seq` orders an agency's events as their transactions committed (see
 * recordChangeEvent); the dispatcher fans each out to the subscriptions that want it.
 */
export interface ChangeEventRecord {
  _id: Types.ObjectId;
  seq: number;
  type: ChangeEventType;
  /** The changed record's id (an episode, a TB case, a consent, an exchange document). */
  recordId: string;
  pin: string;
  /** The partner institution an exchange event concerns (its inbox), else null. */
  partner: string | null;
  occurredAt: Date;
  /** Deliveries have been created for every subscription that wanted the event. */
  fannedOut: boolean;
}

const changeEventSchema = new Schema<ChangeEventRecord>(
  {
    seq: { type: Number, required: true },
    type: { type: String, enum: CHANGE_EVENT_TYPES, required: true },
    recordId: { type: String, required: true },
    pin: { type: String, required: true },
    partner: { type: String, default: null },
    occurredAt: { type: Date, required: true },
    fannedOut: { type: Boolean, required: true, default: false },
  },
  { collection: 'change_events', versionKey: false },
);
changeEventSchema.index({ seq: 1 }, { unique: true });
changeEventSchema.index({ fannedOut: 1, seq: 1 });
changeEventSchema.index({ partner: 1, seq: 1 });
changeEventSchema.index({ fannedOut: 1, occurredAt: 1 });

/** The one counter an agency's event sequence is drawn from. */
interface ChangeEventCounterRecord {
  _id: string;
  value: number;
}
const counterSchema = new Schema<ChangeEventCounterRecord>(
  { _id: { type: String, required: true }, value: { type: Number, required: true } },
  { collection: 'change_event_counter', versionKey: false },
);

export type ChangeEventModel = Model<ChangeEventRecord>;
export type ChangeEventCounterModel = Model<ChangeEventCounterRecord>;

export function createChangeEventModel(connection: Connection): ChangeEventModel {
  return (
    (connection.models.ChangeEvent as ChangeEventModel | undefined) ??
    connection.model<ChangeEventRecord>('ChangeEvent', changeEventSchema)
  );
}

export function createChangeEventCounterModel(connection: Connection): ChangeEventCounterModel {
  return (
    (connection.models.ChangeEventCounter as ChangeEventCounterModel | undefined) ??
    connection.model<ChangeEventCounterRecord>('ChangeEventCounter', counterSchema)
  );
}

export interface ChangeEventModels {
  ChangeEvent: ChangeEventModel;
  ChangeEventCounter: ChangeEventCounterModel;
  EventSubscription: EventSubscriptionModel;
  EventDelivery: EventDeliveryModel;
}

/**
 * The outbox, the subscriptions and the deliveries on an agency's connection: a service that emits
 * events adds them to its own models.
 */
export function createChangeEventModels(connection: Connection): ChangeEventModels {
  return {
    ChangeEvent: createChangeEventModel(connection),
    ChangeEventCounter: createChangeEventCounterModel(connection),
    EventSubscription: createEventSubscriptionModel(connection),
    EventDelivery: createEventDeliveryModel(connection),
  };
}

/**
 * Writes a change's event inside the change's transaction (`session` must be in one). The counter
 * is incremented in the same transaction: two transactions that both record an event write the
 * same counter document, so the store lets one commit first and retries the other, and `seq`
 * follows commit order. A reader that pages by `seq` therefore never skips an event that commits
 * later with a smaller number.
 */
export async function recordChangeEvent(
  models: ChangeEventModels,
  session: ClientSession,
  event: { type: ChangeEventType; recordId: string; pin: string; partner?: string | null },
): Promise<void> {
  const counter = await models.ChangeEventCounter.findOneAndUpdate(
    { _id: 'seq' },
    { $inc: { value: 1 } },
    { upsert: true, returnDocument: 'after', session },
  ).lean<ChangeEventCounterRecord>();
  await models.ChangeEvent.create(
    [
      {
        seq: counter!.value,
        type: event.type,
        recordId: event.recordId,
        pin: event.pin,
        partner: event.partner ?? null,
        occurredAt: new Date(),
        fannedOut: false,
      },
    ],
    { session },
  );
}
