import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { JolContext } from '../context';
import type { AuditEventModel, AuditEventRecord } from './audit-event.model';
import { AccessEvent, PersonAccessLog } from './access-log.type';

/** How many recent events one access-log list returns. */
export const ACCESS_LOG_LIMIT = 200;

type AccessLogContext = JolContext<unknown, { AuditEvent: AuditEventModel }>;

/**
 * The resolver by which a subgraph contributes its own events to `PersonAccessLog`, under a field
 * named after the subgraph (`migration`, `labour`...).
 */
export function createAccessLogResolver(service: string) {
  @Resolver(() => PersonAccessLog)
  class AccessLogResolver {
    @FieldResolver(() => [AccessEvent], {
      name: service,
      nullable: true,
      description: `Reads and writes in ${service}, newest first.`,
    })
    async events(
      @Root() log: PersonAccessLog,
      @Ctx() context: AccessLogContext,
    ): Promise<AccessEvent[]> {
      const records = await context.models.AuditEvent.find({ pins: log.pin })
        .sort({ at: -1 })
        .limit(ACCESS_LOG_LIMIT)
        .lean<AuditEventRecord[]>();
      return records.map((r) => ({
        at: r.at.toISOString(),
        service: r.service,
        agency: r.agency,
        roles: r.roles,
        purpose: r.purpose,
        operation: r.operation,
        fields: r.fields,
        outcome: r.outcome,
        requestId: r.requestId,
      }));
    }
  }
  return AccessLogResolver;
}

/** `PersonAccessLog` representations carry only the PIN. */
export const accessLogReference = {
  PersonAccessLog: {
    __resolveReference: (reference: { pin: string }) => ({ pin: reference.pin }),
  },
};
