import type { ApolloServerPlugin, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  type FieldNode,
  type OperationDefinitionNode,
  type SelectionNode,
} from 'graphql';
import type { JolContext } from '../context';
import { ErrorCode } from '../errors';
import { isRefusalCode } from '../access/errors';
import { actsForPartner } from '../access/policy';
import { isEmptyTrail, type TrailSummary } from '../access/trail';
import type { AuditChain, AuditEventInput } from './chain';

/**
 * Writes one audit event per request that read or wrote person-level data (or was refused), after
 * execution and before the response leaves. When the event cannot be stored, the data is withheld:
 * no read goes unlogged.
 */
export function createAuditPlugin(
  service: string,
  chain: AuditChain,
): ApolloServerPlugin<JolContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(request) {
          const { contextValue: context, response } = request;
          const { caller, access } = context;
          if (!caller) return;
          const { failed, refused, stored } = mutationAnswers(request);
          access.refusedWrites(refused, stored);
          access.failedWrites(failed, stored);
          const summary = access.summary();
          if (isEmptyTrail(summary)) return;
          try {
            await chain.append(
              auditEventOf(service, context, summary, {
                operationType: request.operation?.operation ?? null,
                // The subgraph's document is the gateway's plan of the caller's operation, named
                // by the query planner: only the name the gateway signed is the caller's.
                callerOperationName:
                  context.callerOperationName === undefined
                    ? (request.operationName ?? null)
                    : context.callerOperationName,
                callerOperationId: null,
              }),
            );
          } catch (error) {
            context.log.error({ err: error }, 'audit event could not be stored; response withheld');
            if (response.body.kind === 'single') {
              response.body.singleResult = {
                data: null,
                errors: [
                  new GraphQLError('The request could not be audited, so no data is returned', {
                    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
                  }).toJSON(),
                ],
              };
            }
          }
        },
      };
    },
  };
}

/** What an audit event names of the operation asked, beside what the trail decided. */
export type AuditedOperation = Pick<
  AuditEventInput,
  'operationType' | 'callerOperationName' | 'callerOperationId'
>;

/**
 * The one shape of an audit event: who asked (auditedCaller), the operation, and the summary of
 * the request's access trail. Every request a subgraph audits, on /graphql or another route, is
 * written in it.
 */
export function auditEventOf(
  service: string,
  context: Pick<JolContext, 'caller' | 'purpose' | 'requestId' | 'callerRequestId'>,
  summary: TrailSummary,
  operation: AuditedOperation,
): AuditEventInput {
  return {
    ...auditedCaller(context),
    at: new Date(),
    service,
    ...operation,
    served: summary.served,
    refused: summary.refused,
    failed: summary.failed,
    pins: summary.pins,
    ...(summary.revisions.length > 0 ? { revisions: summary.revisions } : {}),
    ...(summary.searches.length > 0 ? { searches: summary.searches } : {}),
    outcome: summary.outcome,
  };
}

/** Who asked, as the verified token and the gateway's request id establish it. */
export function auditedCaller(
  context: Pick<JolContext, 'caller' | 'purpose' | 'requestId' | 'callerRequestId'>,
): Pick<
  AuditEventInput,
  'requestId' | 'callerRequestId' | 'sub' | 'roles' | 'agency' | 'partner' | 'purpose'
> {
  const { caller } = context;
  return {
    requestId: context.requestId,
    callerRequestId: context.callerRequestId,
    sub: caller?.sub ?? 'anonymous',
    roles: caller?.roles ?? [],
    agency: caller?.agency ?? null,
    partner: caller && actsForPartner(caller.roles) ? (caller.partner ?? null) : null,
    purpose: context.purpose,
  };
}

/**
 * `Mutation.<field>` for each top-level mutation field whose answer is an error: it wrote nothing
 * (a resolver validates before it stores), so the audit records it as `refused` when the error is
 * an access refusal (FORBIDDEN...) and as `failed` otherwise; and for each whose answer is not an
 * error (`stored`). A field asked twice under two aliases can be in both, which keeps a stored
 * write from hiding behind a failing one.
 */
function mutationAnswers(request: GraphQLRequestContextWillSendResponse<JolContext>): {
  failed: string[];
  refused: string[];
  stored: string[];
} {
  const operation: OperationDefinitionNode | undefined = request.operation;
  const { body } = request.response;
  if (operation?.operation !== 'mutation' || body.kind !== 'single')
    return { failed: [], refused: [], stored: [] };
  const topErrors = (body.singleResult.errors ?? []).filter((error) => error.path?.length === 1);
  const failedKeys = new Set(topErrors.map((error) => String(error.path![0])));
  const refusedKeys = new Set(
    topErrors
      .filter((error) => isRefusalCode(error.extensions?.code))
      .map((error) => String(error.path![0])),
  );
  const fragments = new Map(
    (request.document?.definitions ?? []).flatMap((d) =>
      d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d.selectionSet] as const] : [],
    ),
  );
  const fieldsOf = (selections: readonly SelectionNode[]): FieldNode[] =>
    selections.flatMap((selection) => {
      if (selection.kind === Kind.FIELD) return [selection];
      if (selection.kind === Kind.INLINE_FRAGMENT)
        return fieldsOf(selection.selectionSet.selections);
      return fieldsOf(fragments.get(selection.name.value)?.selections ?? []);
    });
  const fields = fieldsOf(operation.selectionSet.selections);
  const failedAt = (field: FieldNode) => failedKeys.has((field.alias ?? field.name).value);
  // Mutation fields run one after another; a non-null one that fails nulls `data` and stops the
  // rest, so then only the fields before the first failure ran (and stored).
  const firstFailure = fields.findIndex(failedAt);
  const ran =
    body.singleResult.data == null && firstFailure >= 0 ? firstFailure + 1 : fields.length;
  const coordinates = (list: FieldNode[]) => list.map((field) => `Mutation.${field.name.value}`);
  const refusedAt = (field: FieldNode) => refusedKeys.has((field.alias ?? field.name).value);
  return {
    failed: coordinates(fields.filter((field) => failedAt(field) && !refusedAt(field))),
    refused: coordinates(fields.filter(refusedAt)),
    stored: coordinates(fields.slice(0, ran).filter((field) => !failedAt(field))),
  };
}
