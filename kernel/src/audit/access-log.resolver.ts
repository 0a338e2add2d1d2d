import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { allow } from 'graphql-shield';
import type { JolContext } from '../context';
import { badUserInput } from '../errors';
import { checkPageSize, decodeCursor, encodeCursor } from '../pagination';
import type { AuditEventModel, AuditEventRecord } from './audit-event.model';
import {
  AccessEvent,
  AccessEventPage,
  AccessInstitution,
  InstitutionKind,
  PersonAccessLog,
} from './access-log.type';

/** How many events one page of an access log holds unless `first` says otherwise. */
export const ACCESS_LOG_PAGE_SIZE = 50;

export type AccessLogContext = JolContext<unknown, { AuditEvent: AuditEventModel }>;

export interface AccessLogOptions {
  /** A partner institution's name by its code, where the subgraph keeps the registry. */
  partnerName?(context: AccessLogContext, code: string): Promise<string | null>;
}

/**
 * The resolver by which a subgraph contributes its own events to `PersonAccessLog`, under a field
 * named after the subgraph (`PersonAccessLog.<subgraph>`): pages in chain order, newest first, so that
 * every event of the person is reachable and none is skipped or shown twice while events are added.
 */
export function createAccessLogResolver(service: string, options: AccessLogOptions = {}) {
  @Resolver(() => PersonAccessLog)
  class AccessLogResolver {
    @FieldResolver(() => AccessEventPage, {
      name: service,
      nullable: true,
      description: `Reads and writes in ${service}, newest first, a page at a time.`,
    })
    async eventPage(
      @Root() log: PersonAccessLog,
      @Ctx() context: AccessLogContext,
      @Arg('first', () => Int, { defaultValue: ACCESS_LOG_PAGE_SIZE }) first: number,
      @Arg('after', () => String, { nullable: true }) after?: string | null,
    ): Promise<AccessEventPage> {
      const size = checkPageSize(first);
      const before = after == null ? null : seqOfCursor(service, after);
      const records = await context.models.AuditEvent.find(
        before === null ? { pins: log.pin } : { pins: log.pin, seq: { $lt: before } },
      )
        .sort({ seq: -1 })
        .limit(size + 1)
        .lean<AuditEventRecord[]>();
      const page = records.slice(0, size);
      const names = new Map<string, string | null>();
      for (const code of new Set(page.flatMap((r) => (r.partner ? [r.partner] : [])))) {
        names.set(code, (await options.partnerName?.(context, code)) ?? null);
      }
      return {
        events: page.map((r) => toAccessEvent(r, names, log.pin)),
        pageInfo: {
          hasNextPage: records.length > size,
          endCursor: page.length > 0 ? encodeCursor(`${service}:${page.at(-1)!.seq}`) : null,
        },
      };
    }
  }
  return AccessLogResolver;
}

/** A cursor names the last event seen in this subgraph's chain; any other string is refused. */
function seqOfCursor(service: string, cursor: string): number {
  const key = decodeCursor(cursor);
  const seq = key.startsWith(`${service}:`) ? Number(key.slice(service.length + 1)) : NaN;
  if (!Number.isSafeInteger(seq) || seq < 1 || key !== `${service}:${seq}`)
    throw badUserInput('after', cursor, `must be a cursor returned by an earlier ${service} page`);
  return seq;
}

function institutionOf(
  record: AuditEventRecord,
  names: ReadonlyMap<string, string | null>,
): AccessInstitution | null {
  if (record.partner)
    return {
      kind: InstitutionKind.PARTNER,
      code: record.partner,
      name: names.get(record.partner) ?? null,
    };
  if (record.agency) return { kind: InstitutionKind.AGENCY, code: record.agency, name: null };
  return null;
}

function toAccessEvent(
  record: AuditEventRecord,
  names: ReadonlyMap<string, string | null>,
  pin: string,
): AccessEvent {
  return {
    at: record.at.toISOString(),
    service: record.service,
    institution: institutionOf(record, names),
    agency: record.agency,
    roles: record.roles,
    purpose: record.purpose,
    operationType: record.operationType ?? null,
    callerOperationName: record.callerOperationName ?? null,
    fields: [...new Set([...record.served, ...record.refused, ...record.failed])].sort(),
    served: record.served,
    refused: record.refused,
    failed: record.failed,
    foundBySearch: (record.searches ?? []).some((search) => search.found?.includes(pin) ?? false),
    outcome: record.outcome,
    requestId: record.requestId,
    callerRequestId: record.callerRequestId ?? null,
  };
}

/** `PersonAccessLog` representations carry only the PIN. */
export const accessLogReference = {
  PersonAccessLog: {
    __resolveReference: (reference: { pin: string }) => ({ pin: reference.pin }),
  },
};

/** The value types of an access log: reachable only through a guarded `PersonAccessLog` field. */
export const accessLogValueTypeRules = {
  AccessEventPage: allow,
  AccessEvent: allow,
  AccessInstitution: allow,
  PageInfo: allow,
};
