import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { CHANGE_EVENTS, CHANGE_EVENT_TYPES } from '@jol/schema';
import { PinScalar } from '../scalars/pin';
import type { EventDeliveryRecord, EventSubscriptionRecord } from './subscription.model';

/** The catalogue as a GraphQL enum, the same in every subgraph that emits events. */
export const ChangeEventTypeEnum = Object.fromEntries(CHANGE_EVENT_TYPES.map((t) => [t, t])) as {
  [K in (typeof CHANGE_EVENT_TYPES)[number]]: K;
};
registerEnumType(ChangeEventTypeEnum, {
  name: 'ChangeEventType',
  description:
    'A change an agency system may hear of by webhook. Who may subscribe to each is in the access policy (the data class the subscriber must read for its purpose).',
  valuesConfig: Object.fromEntries(
    CHANGE_EVENT_TYPES.map((t) => [
      t,
      {
        description: `${CHANGE_EVENTS[t].description} Emitted by ${CHANGE_EVENTS[t].agency}; needs ${CHANGE_EVENTS[t].dataClass}.`,
      },
    ]),
  ),
});

export enum EventDeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  DEAD = 'DEAD',
}
registerEnumType(EventDeliveryStatus, {
  name: 'EventDeliveryStatus',
  valuesConfig: {
    PENDING: { description: 'Not yet taken by the subscriber; retried with backoff.' },
    DELIVERED: { description: 'The subscriber answered 2xx.' },
    DEAD: { description: 'Given up (the dead-letter list); the subscriber may replay it.' },
  },
});

@Directive('@shareable')
@ObjectType({ description: "An agency system's subscription to one agency's change events." })
export class EventSubscription {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'The agency whose events these are.' })
  agency!: string;

  @Field(() => [ChangeEventTypeEnum])
  events!: string[];

  @Field(() => String, { description: 'Where deliveries are POSTed.' })
  url!: string;

  @Field(() => String, {
    description: 'The purpose declared when subscribing; deliveries are decided for it.',
  })
  purpose!: string;

  @Field(() => Boolean)
  active!: boolean;

  @Field(() => String, { description: 'ISO 8601 timestamp (UTC).' })
  createdAt!: string;

  @Field(() => String, {
    description:
      'ISO 8601 timestamp (UTC): the end of its term. Changes after it are not delivered, nor deliveries still due then, until the subscription is renewed (the renew mutation of its agency).',
  })
  expiresAt!: string;

  @Field(() => String, { nullable: true, description: 'ISO 8601 timestamp (UTC).' })
  cancelledAt!: string | null;
}

@Directive('@shareable')
@ObjectType({
  description: 'A new subscription and the secret its deliveries are signed with (shown once).',
})
export class EventSubscriptionCreated {
  @Field(() => EventSubscription)
  subscription!: EventSubscription;

  @Field(() => String, {
    description:
      'HMAC-SHA256 key of the Jol-Signature header (t=<unix seconds>,v1=<hex of HMAC over "<t>.<raw body>">). Store it; it is never shown again.',
  })
  secret!: string;
}

@Directive('@shareable')
@ObjectType({ description: 'One event for one subscription, and how its delivery went.' })
export class EventDelivery {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, {
    description: 'The event id: the Jol-Event-Id and Idempotency-Key of every attempt.',
  })
  eventId!: string;

  @Field(() => ID)
  subscriptionId!: string;

  @Field(() => ChangeEventTypeEnum)
  type!: string;

  @Field(() => String, { description: 'The changed record.' })
  recordId!: string;

  @Field(() => PinScalar)
  pin!: string;

  @Field(() => String, { description: 'ISO 8601 timestamp (UTC).' })
  occurredAt!: string;

  @Field(() => EventDeliveryStatus)
  status!: EventDeliveryStatus;

  @Field(() => Int)
  attempts!: number;

  @Field(() => String, { nullable: true, description: 'Why the last attempt failed.' })
  lastFailure!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 8601 timestamp (UTC).' })
  deliveredAt!: string | null;
}

export function toEventSubscription(
  record: EventSubscriptionRecord,
  agency: string,
): EventSubscription {
  return {
    id: record._id.toHexString(),
    agency,
    events: record.events,
    url: record.url,
    purpose: record.purpose,
    active: record.active,
    createdAt: record.createdAt.toISOString(),
    // A record kept from before subscriptions expired is taken as expired when it was made.
    expiresAt: (record.expiresAt ?? record.createdAt).toISOString(),
    cancelledAt: record.cancelledAt?.toISOString() ?? null,
  };
}

export function toEventDelivery(record: EventDeliveryRecord): EventDelivery {
  return {
    id: record._id.toHexString(),
    eventId: record.eventId.toHexString(),
    subscriptionId: record.subscriptionId.toHexString(),
    type: record.type,
    recordId: record.recordId,
    pin: record.pin,
    occurredAt: record.occurredAt.toISOString(),
    status: record.status as EventDeliveryStatus,
    attempts: record.attempts,
    lastFailure: record.lastFailure,
    deliveredAt: record.deliveredAt?.toISOString() ?? null,
  };
}
