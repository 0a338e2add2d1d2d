import { Kind, parse } from 'graphql';

/** Operation kinds of the documents the query planner sends, by text; the planner reuses them. */
const kinds = new Map<string, boolean>();
const MAX_REMEMBERED = 1000;

/**
 * Whether the subgraph document `query` may be sent again: only a single query operation, read
 * from the parsed document (never from its first word: a document may begin with a fragment or a
 * comment). A mutation, a subscription or a document that does not parse is sent once.
 */
export function isSafeToRetry(query: string): boolean {
  return !isMutationOrUnknown(query);
}

function isMutationOrUnknown(query: string): boolean {
  const known = kinds.get(query);
  if (known !== undefined) return known;
  let mutation = true;
  try {
    const document = parse(query, { noLocation: true });
    const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    mutation = operations.length !== 1 || operations[0]!.operation !== 'query';
  } catch {
    mutation = true;
  }
  if (kinds.size >= MAX_REMEMBERED) kinds.delete(kinds.keys().next().value!);
  kinds.set(query, mutation);
  return mutation;
}
