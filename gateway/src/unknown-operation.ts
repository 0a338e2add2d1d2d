import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

/**
 * A document without the operation the request names (or with several and no name) is the
 * caller's mistake: a typed 400 here, instead of the gateway's planner failing on it as a 500.
 */
export function unknownOperationGuard<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (operation) return;
          const message = request.operationName
            ? `Unknown operation named "${request.operationName}".`
            : 'The document has several operations: name the one to run in operationName.';
          throw new GraphQLError(message, {
            extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
          });
        },
      };
    },
  };
}
