import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import type { GraphQLSchema } from 'graphql';
import { collectFields } from 'graphql/execution/collectFields';

/**
 * The root fields a mutation operation runs, as the executor collects them: fragments spread,
 * `@skip` and `@include` applied, one entry per response key, `__typename` left out.
 */
export function mutationRootFields(
  schema: GraphQLSchema,
  document: { definitions: readonly { kind: Kind }[] },
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): string[] {
  const mutation = schema.getMutationType();
  if (operation.operation !== 'mutation' || !mutation) return [];
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const fields = collectFields(schema, fragments, variables, mutation, operation.selectionSet);
  return [...fields.entries()]
    .filter(([, nodes]) => nodes[0]!.name.value !== '__typename')
    .map(([key]) => key);
}

/**
 * A mutation operation runs at most one root field (`__typename` aside). Root fields of a mutation run one after the
 * other and each commits on its own: with two, the second can fail after the first was stored, and
 * the answer (`data: null`) never tells the caller the first one's id. Refused as a typed 400
 * before anything runs; a client sends one mutation per request.
 */
export function oneMutationGuard<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (operation?.operation !== 'mutation') return;
          const fields = mutationRootFields(schema, document, operation, request.variables ?? {});
          if (fields.length <= 1) return;
          const message = `A mutation operation may select one mutation field, this one selects ${fields.length} (${fields.join(', ')}): send one mutation per request`;
          throw new GraphQLError(message, {
            extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
          });
        },
      };
    },
  };
}
