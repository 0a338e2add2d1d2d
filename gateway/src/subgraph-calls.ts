import type { GraphQLFormattedError } from 'graphql';

/**
 * The planner sends one entity representation per occurrence of an entity in the answer so far:
 * a list of 100 employment records of 20 persons asks for each person 5 times. The subgraph is
 * asked once per distinct representation, and its answer is spread back to every occurrence.
 */
export interface DedupedRepresentations {
  /** The distinct representations, in order of first occurrence. */
  unique: unknown[];
  /** For each original representation, its index in `unique`. */
  indexOf: number[];
}

/** Null when `variables` hold no representations or none repeats (nothing to gain). */
export function dedupeRepresentations(
  variables: Record<string, unknown> | undefined,
): DedupedRepresentations | null {
  const representations = variables?.representations;
  if (!Array.isArray(representations) || representations.length < 2) return null;
  const seen = new Map<string, number>();
  const unique: unknown[] = [];
  const indexOf = representations.map((representation) => {
    // The planner writes a type's representations with the same keys in the same order.
    const key = JSON.stringify(representation);
    let index = seen.get(key);
    if (index === undefined) {
      index = unique.length;
      seen.set(key, index);
      unique.push(representation);
    }
    return index;
  });
  return unique.length === representations.length ? null : { unique, indexOf };
}

/**
 * The subgraph's answer for the distinct representations, as the planner expects it for the
 * original ones: `_entities[i]` is the entity of representation i, and an error at
 * `_entities[j]` is repeated at every occurrence of representation j.
 */
export function expandEntities<T extends object>(
  response: T,
  { indexOf }: DedupedRepresentations,
): T {
  const body = response as { data?: Record<string, unknown> | null; errors?: unknown };
  const entities = body.data?._entities;
  const expanded: Record<string, unknown> = { ...body };
  if (Array.isArray(entities))
    expanded.data = { ...body.data, _entities: indexOf.map((j) => entities[j] ?? null) };
  if (Array.isArray(body.errors)) {
    const occurrences = new Map<number, number[]>();
    indexOf.forEach((j, i) => occurrences.set(j, [...(occurrences.get(j) ?? []), i]));
    expanded.errors = (body.errors as GraphQLFormattedError[]).flatMap((error) => {
      const [root, j, ...rest] = error.path ?? [];
      if (root !== '_entities' || typeof j !== 'number') return [error];
      return (occurrences.get(j) ?? []).map((i) => ({ ...error, path: ['_entities', i, ...rest] }));
    });
  }
  return expanded as T;
}

interface SharedCall {
  answer: Promise<unknown>;
  /** Sharers not yet handed their answer. */
  waiting: number;
}

/** Subgraph calls under way, per incoming request (its context), by everything they send. */
const inFlight = new WeakMap<object, Map<string, SharedCall>>();

/**
 * Runs `call` unless the same request (`key`: subgraph, document, variables and forwarded
 * headers) is already under way for the same incoming request, whose answer is then shared. Only
 * for queries: a mutation is always sent. Requests of two incoming requests never share, whoever
 * the callers: each is authorized and audited on its own. Every sharer but the last to resume
 * gets its own copy, made before anyone holds the original, so none sees another's changes.
 */
export async function shareInFlight<T extends { data?: unknown; errors?: unknown }>(
  request: object,
  key: string,
  call: () => Promise<T>,
): Promise<T> {
  let calls = inFlight.get(request);
  if (!calls) inFlight.set(request, (calls = new Map()));
  let shared = calls.get(key);
  if (!shared) {
    shared = { answer: call(), waiting: 0 };
    calls.set(key, shared);
  }
  shared.waiting++;
  let answer: T;
  try {
    answer = (await shared.answer) as T;
  } finally {
    // Settled: a later identical request is sent anew.
    if (calls.get(key) === shared) calls.delete(key);
    shared.waiting--;
  }
  if (shared.waiting === 0) return answer;
  return { ...answer, data: structuredClone(answer.data), errors: structuredClone(answer.errors) };
}
