import { ApolloArmor } from '@escape.tech/graphql-armor';

export interface QueryLimits {
  /** Deepest selection nesting accepted. @default 12 */
  maxDepth?: number;
  /** Most aliases in one operation. @default 20 */
  maxAliases?: number;
  /** Most tokens in one document. @default 3000 */
  maxTokens?: number;
  /** Highest computed cost. @default 5000 */
  maxCost?: number;
}

/**
 * Protections a public-facing gateway needs on top of Apollo Server's defaults: depth, alias,
 * token and cost limits, and no "Did you mean" suggestions that map the schema for a stranger.
 */
export function createQueryLimits(limits: QueryLimits = {}) {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth ?? 12 },
    // __typename is no exception: a thousand aliases of it cost as much as any other field.
    maxAliases: { n: limits.maxAliases ?? 20, allowList: [] },
    maxTokens: { n: limits.maxTokens ?? 3000 },
    costLimit: { maxCost: limits.maxCost ?? 5000 },
    maxDirectives: { n: 50 },
    blockFieldSuggestion: { enabled: true },
  });
  return armor.protect();
}
