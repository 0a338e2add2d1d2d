import { rule } from 'graphql-shield';
import { decideSubscribe, decideSubscriptionManager } from '../access/decide';
import { changeEventsOf } from '../access/policy';
import type { Agency, ChangeEventType } from '@jol/schema';
import { allow, type AccessRules } from '../access/shield';
import { badUserInput } from '../errors';
import { changeEventFields, type ChangeEventContext } from './change-events.resolver';

/**
 * The rules of an agency's webhook API: subscribing is decided against the policy for every event
 * asked for (the schema lets only the agency's own events be asked for); managing subscriptions is
 * for callers who may subscribe at all, each within its own subscriptions (the resolvers narrow to
 * them, so another's answers like one that does not exist).
 */
export function changeEventRules(agency: Agency): AccessRules {
  const fields = changeEventFields(agency);
  const emitted = changeEventsOf(agency);
  const managing = (type: 'Query' | 'Mutation', field: string, kind: 'read' | 'write') =>
    rule({ cache: 'no_cache' })(async (_p, _args, ctx: ChangeEventContext) =>
      decideSubscriptionManager(ctx, `${type}.${field}`, emitted, kind),
    );
  const subscribe = `Mutation.${fields.subscribe}`;
  return {
    Mutation: {
      [fields.subscribe]: rule({ cache: 'no_cache' })(
        async (_p, args: { input?: { events?: unknown } }, ctx: ChangeEventContext) => {
          const events = (Array.isArray(args.input?.events) ? args.input.events : []) as string[];
          const decided = decideSubscribe(ctx, subscribe, events as ChangeEventType[]);
          if (decided !== true) return decided;
          return events.length > 0
            ? true
            : badUserInput('events', events, `must list at least one of ${emitted.join(', ')}`);
        },
      ),
      [fields.cancel]: managing('Mutation', fields.cancel, 'write'),
      // Then decided again by the resolver, against the events the subscription lists.
      [fields.renew]: managing('Mutation', fields.renew, 'write'),
      [fields.replay]: managing('Mutation', fields.replay, 'write'),
    },
    Query: {
      [fields.subscriptions]: managing('Query', fields.subscriptions, 'read'),
      [fields.deliveries]: managing('Query', fields.deliveries, 'read'),
    },
    // Reached only through the fields above, whose rules decided.
    EventSubscription: allow,
    EventSubscriptionCreated: allow,
    EventDelivery: allow,
  };
}
