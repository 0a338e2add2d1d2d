import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { JolContext } from '../context';
import { ErrorCode } from '../errors';
import { isEmptyTrail } from '../access/trail';
import type { AuditChain } from './chain';

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
        async willSendResponse({ contextValue: context, response, operationName }) {
          const { caller, access } = context;
          if (!caller || isEmptyTrail(access)) return;
          try {
            await chain.append({
              at: new Date(),
              service,
              requestId: context.requestId,
              sub: caller.sub,
              roles: caller.roles,
              agency: caller.agency ?? null,
              purpose: context.purpose,
              operation: operationName ?? 'anonymous',
              fields: [...access.fields].sort(),
              pins: [...access.pins].sort(),
              outcome: access.denied ? 'DENIED' : 'ALLOWED',
              ...(access.revisions.length > 0 ? { revisions: access.revisions } : {}),
            });
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
