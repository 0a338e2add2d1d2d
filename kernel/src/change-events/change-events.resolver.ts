import { Types } from 'mongoose';
import {
  Arg,
  Ctx,
  Field,
  ID,
  InputType,
  Int,
  Mutation,
  Query,
  registerEnumType,
  Resolver,
} from 'type-graphql';
import { decideSubscribe, eventsHeardBy, recordListed, subscriberOf } from '../access/decide';
import { changeEventsOf } from '../access/policy';
import { CHANGE_EVENTS, type Agency, type ChangeEventType } from '@jol/schema';
import type { JolContext } from '../context';
import { badUserInput, conflict, notFound } from '../errors';
import { isRecordId } from '../record-id';
import type { ChangeEventModels } from './change-event.model';
import { newSubscriptionSecret } from './delivery-signature';
import {
  EventDelivery,
  EventDeliveryStatus,
  EventSubscription,
  EventSubscriptionCreated,
  toEventDelivery,
  toEventSubscription,
} from './change-events.type';
import type { EventDeliveryRecord, EventSubscriptionRecord } from './subscription.model';
import { checkWebhookUrl } from './webhook-url';

export type ChangeEventContext = JolContext<unknown, ChangeEventModels>;

const capitalised = (agency: Agency) => agency[0]!.toUpperCase() + agency.slice(1);

/** The field names of an agency's event API: `subscribeTo<Agency>Events`, `<agency>EventDeliveries`... */
export function changeEventFields(agency: Agency) {
  const Name = capitalised(agency);
  return {
    subscribe: `subscribeTo${Name}Events`,
    cancel: `cancel${Name}EventSubscription`,
    renew: `renew${Name}EventSubscription`,
    subscriptions: `${agency}EventSubscriptions`,
    deliveries: `${agency}EventDeliveries`,
    replay: `replay${Name}EventDelivery`,
  };
}

/** A subscription or delivery id as given: BAD_USER_INPUT unless it is a record id. */
export function parseEventRecordId(field: string, value: string): Types.ObjectId {
  if (!isRecordId(value)) throw badUserInput(field, value, 'must be an id as Jol returned it');
  return new Types.ObjectId(value);
}

const MAX_PAGE = 200;
const DAY_MS = 86_400_000;

/** What a subscription keeps of its maker or renewer, from the caller of the day, and its term. */
function heldBy(ctx: ChangeEventContext, now: Date) {
  const caller = ctx.caller!;
  return {
    roles: caller.roles,
    agency: caller.agency ?? null,
    region: caller.region ?? null,
    purpose: ctx.purpose!,
    expiresAt: new Date(now.getTime() + ctx.webhooks.subscriptionDays * DAY_MS),
  };
}

const built = new Map<Agency, ReturnType<typeof buildChangeEventResolvers>>();

/**
 * The webhook API of one agency, as type-graphql resolvers with the agency's field names, built
 * once per agency (type-graphql keeps its types in one registry per process). Every decision (who
 * may subscribe to what, whose subscription it is) is made by the rules of changeEventRules before
 * a resolver runs; the resolvers only store and list, except renewal, whose events are known only
 * once the subscription is read: it is decided then, by decideSubscribe as subscribing is.
 */
export function createChangeEventResolvers(agency: Agency) {
  let resolvers = built.get(agency);
  if (!resolvers) {
    resolvers = buildChangeEventResolvers(agency);
    built.set(agency, resolvers);
  }
  return resolvers;
}

function buildChangeEventResolvers(agency: Agency) {
  const fields = changeEventFields(agency);
  const emitted = changeEventsOf(agency);
  const Name = capitalised(agency);
  // The agency's own events only: asking for another agency's is a schema error, not a refusal.
  const AgencyEventType = Object.fromEntries(emitted.map((e) => [e, e]));
  registerEnumType(AgencyEventType, {
    name: `${Name}EventType`,
    description: `The change events ${agency} emits.`,
    valuesConfig: Object.fromEntries(
      emitted.map((e) => [e, { description: CHANGE_EVENTS[e].description }]),
    ),
  });

  @InputType(`SubscribeTo${Name}EventsInput`, { description: 'What to hear of, and where.' })
  class SubscribeToEventsInput {
    @Field(() => [AgencyEventType], { description: 'At least one of the agency’s events.' })
    events!: string[];

    @Field(() => String, {
      description:
        'An https URL on a host the deployment delivers to; deliveries are POSTed there.',
    })
    url!: string;
  }

  @Resolver()
  class ChangeEventSubscriptionResolver {
    @Mutation(() => EventSubscriptionCreated, {
      name: fields.subscribe,
      description: `Subscribes the calling system to ${agency}'s change events (${emitted.join(', ')}). Deliveries are POSTed to url, signed with the returned secret, at least once; each is audited. Needs, for the declared purpose, the data class of every event asked for (see ChangeEventType).`,
    })
    async subscribe(
      @Arg('input', () => SubscribeToEventsInput) input: SubscribeToEventsInput,
      @Ctx() ctx: ChangeEventContext,
    ): Promise<EventSubscriptionCreated> {
      const events = [...new Set(input.events)] as ChangeEventType[];
      const url = checkWebhookUrl(input.url, ctx.webhooks);
      if (url instanceof Error) throw url;
      // The rule decided; the subscription keeps who made it, for every later decision.
      const secret = newSubscriptionSecret();
      const now = new Date();
      const [created] = await ctx.models.EventSubscription.create([
        {
          sub: subscriberOf(ctx),
          ...heldBy(ctx, now),
          events,
          url: url.toString(),
          secret,
          active: true,
          createdAt: now,
          cancelledAt: null,
        },
      ]);
      return {
        subscription: toEventSubscription(created!.toObject(), agency),
        secret,
      };
    }

    @Mutation(() => EventSubscription, {
      name: fields.cancel,
      description: 'Stops a subscription of yours; deliveries not yet made are given up.',
    })
    async cancel(
      @Arg('id', () => ID) id: string,
      @Ctx() ctx: ChangeEventContext,
    ): Promise<EventSubscription> {
      const own = { _id: parseEventRecordId('id', id), sub: subscriberOf(ctx) };
      const cancelled = await ctx.models.EventSubscription.findOneAndUpdate(
        { ...own, active: true },
        { $set: { active: false, cancelledAt: new Date() } },
        { returnDocument: 'after' },
      ).lean<EventSubscriptionRecord>();
      if (cancelled) return toEventSubscription(cancelled, agency);
      if (await ctx.models.EventSubscription.exists(own))
        throw conflict(`Subscription ${id} is already cancelled`, 'id');
      throw notFound('EventSubscription of yours', 'id', id);
    }

    @Mutation(() => EventSubscription, {
      name: fields.renew,
      description: `Renews a subscription of yours, expired or not, for the deployment's subscription term (30 days unless its operators chose another) from now. It then keeps your token's roles and your declared purpose of today for its deliveries, so it is renewed only if they may hear of every event it lists; otherwise FORBIDDEN and it stays as it was. Changes made while it had expired are not delivered.`,
    })
    async renew(
      @Arg('id', () => ID) id: string,
      @Ctx() ctx: ChangeEventContext,
    ): Promise<EventSubscription> {
      const own = { _id: parseEventRecordId('id', id), sub: subscriberOf(ctx) };
      const held = await ctx.models.EventSubscription.findOne(own, {
        events: 1,
        active: 1,
        createdAt: 1,
        expiresAt: 1,
      }).lean<Pick<EventSubscriptionRecord, 'events' | 'active' | 'createdAt' | 'expiresAt'>>();
      if (!held) throw notFound('EventSubscription of yours', 'id', id);
      if (!held.active) throw conflict(`Subscription ${id} is cancelled`, 'id');
      const decided = decideSubscribe(ctx, `Mutation.${fields.renew}`, held.events);
      if (decided !== true) throw decided;
      const now = new Date();
      // A record kept without a term has stood expired since it was made.
      const termEnd = held.expiresAt ?? held.createdAt;
      const renewed = await ctx.models.EventSubscription.findOneAndUpdate(
        // A subscription's events never change; it must still be active and in the term read.
        { ...own, active: true, expiresAt: held.expiresAt },
        {
          $set: {
            ...heldBy(ctx, now),
            // What changed while it stood expired stays untold, however late it is fanned out.
            ...(termEnd <= now ? { lapse: { from: termEnd, to: now } } : {}),
          },
        },
        { returnDocument: 'after' },
      ).lean<EventSubscriptionRecord>();
      if (!renewed)
        throw conflict(
          `Subscription ${id} was cancelled or renewed meanwhile; read it again`,
          'id',
        );
      return toEventSubscription(renewed, agency);
    }

    @Query(() => [EventSubscription], {
      name: fields.subscriptions,
      description: `Your subscriptions to ${agency}'s events, newest first.`,
    })
    async subscriptions(@Ctx() ctx: ChangeEventContext): Promise<EventSubscription[]> {
      const records = await ctx.models.EventSubscription.find({ sub: subscriberOf(ctx) })
        .sort({ createdAt: -1 })
        .limit(MAX_PAGE)
        .lean<EventSubscriptionRecord[]>();
      return records.map((r) => toEventSubscription(r, agency));
    }

    @Query(() => [EventDelivery], {
      name: fields.deliveries,
      description:
        'Deliveries of a subscription of yours, newest first, of the events your declared purpose hears of; status DEAD lists the dead letters, which the replay mutation sends again. Another system’s subscription answers like an unknown one.',
    })
    async deliveries(
      @Arg('subscriptionId', () => ID) subscriptionId: string,
      @Arg('status', () => EventDeliveryStatus, { nullable: true })
      status: EventDeliveryStatus | null,
      @Arg('first', () => Int, { defaultValue: 50 }) first: number,
      @Ctx() ctx: ChangeEventContext,
    ): Promise<EventDelivery[]> {
      if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE)
        throw badUserInput('first', first, `must be from 1 to ${MAX_PAGE}`);
      const own = {
        _id: parseEventRecordId('subscriptionId', subscriptionId),
        sub: subscriberOf(ctx),
      };
      if (!(await ctx.models.EventSubscription.exists(own)))
        throw notFound('EventSubscription of yours', 'subscriptionId', subscriptionId);
      const records = await ctx.models.EventDelivery.find({
        subscriptionId: own._id,
        sub: own.sub,
        type: { $in: eventsHeardBy(ctx, emitted) },
        ...(status ? { status } : {}),
      })
        .sort({ _id: -1 })
        .limit(first)
        .lean<EventDeliveryRecord[]>();
      recordListed(
        ctx,
        `Query.${fields.deliveries}`,
        records.map((r) => r.pin),
      );
      return records.map(toEventDelivery);
    }

    @Mutation(() => EventDelivery, {
      name: fields.replay,
      description:
        'Sends a dead letter of yours again (its attempts start over), of an event your declared purpose hears of.',
    })
    async replay(
      @Arg('id', () => ID) id: string,
      @Ctx() ctx: ChangeEventContext,
    ): Promise<EventDelivery> {
      const own = {
        _id: parseEventRecordId('id', id),
        sub: subscriberOf(ctx),
        type: { $in: eventsHeardBy(ctx, emitted) },
      };
      const delivery = await ctx.models.EventDelivery.findOne(own, {
        subscriptionId: 1,
      }).lean<Pick<EventDeliveryRecord, 'subscriptionId'>>();
      if (!delivery) throw notFound('EventDelivery of yours', 'id', id);
      const subscription = await ctx.models.EventSubscription.findOne(
        { _id: delivery.subscriptionId, sub: own.sub },
        { active: 1, expiresAt: 1 },
      ).lean<Pick<EventSubscriptionRecord, 'active' | 'expiresAt'>>();
      if (!subscription?.active)
        throw conflict(`Delivery ${id} belongs to a cancelled subscription`, 'id');
      if (!(subscription.expiresAt > new Date()))
        throw conflict(`Delivery ${id} belongs to an expired subscription: renew it first`, 'id');
      const replayed = await ctx.models.EventDelivery.findOneAndUpdate(
        { ...own, status: 'DEAD' },
        {
          $set: {
            status: 'PENDING',
            attempts: 0,
            nextAttemptAt: new Date(),
            leaseUntil: null,
            lastFailure: null,
          },
        },
        { returnDocument: 'after' },
      ).lean<EventDeliveryRecord>();
      if (!replayed) throw conflict(`Delivery ${id} is not a dead letter`, 'id');
      return toEventDelivery(replayed);
    }
  }

  return { resolvers: [ChangeEventSubscriptionResolver] as const, fields };
}
