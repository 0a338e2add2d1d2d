import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ParseOptions, type ValidationRule } from 'graphql';

export interface QueryLimits {
  /** Deepest selection nesting accepted. @default 12 */
  maxDepth?: number;
  /** Most aliases in one operation. @default 20 */
  maxAliases?: number;
  /** Most tokens in one document. @default 3000 */
  maxTokens?: number;
  /** Highest computed cost. @default 5000 */
  maxCost?: number;
  /** Deepest nesting of lists and objects in one argument value or variable. @default 8 */
  maxValueDepth?: number;
}

/**
 * Argument values nested deeper than `max` lists or objects are refused before planning: the
 * query planner's work grows exponentially with a literal's nesting (25 levels take seconds), and
 * no Jol input nests half as deep.
 */
export function maxValueDepthRule(max: number): ValidationRule {
  return (context) => {
    let depth = 0;
    let reported = false;
    const enter = () => {
      depth += 1;
      if (depth > max && !reported) {
        reported = true;
        context.reportError(
          new GraphQLError(`Argument values may nest at most ${max} lists or objects deep`),
        );
      }
    };
    const leave = () => {
      depth -= 1;
    };
    return {
      ListValue: { enter, leave },
      ObjectValue: { enter, leave },
    };
  };
}

/** How deep lists and objects nest in a JSON value, counted without recursion. */
export function valueDepth(value: unknown, stopAt = Infinity): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    const here = depth + 1;
    if (here > deepest) deepest = here;
    if (deepest > stopAt) return deepest;
    for (const item of Object.values(current)) stack.push([item, here]);
  }
  return deepest;
}

/** The variables' counterpart of maxValueDepthRule: a typed 400 before anything coerces them. */
export function maxVariableDepthGuard<T extends object>(max: number): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request }) {
          // The variables map itself is one level; its values may nest `max` more.
          if (valueDepth(request.variables ?? {}, max + 1) > max + 1) {
            throw new GraphQLError(`Variables may nest at most ${max} lists or objects deep`, {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

/**
 * The gateway answers queries and mutations; a subscription would reach the query planner, which
 * cannot run one, and fail there as a server error. Refused here as the client's mistake.
 */
export const NoSubscriptionsRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (node.operation === 'subscription') {
      context.reportError(
        new GraphQLError('Subscriptions are not supported: send a query or a mutation', {
          nodes: [node],
        }),
      );
    }
  },
});

/**
 * Protections a public-facing gateway needs on top of Apollo Server's defaults: depth, alias,
 * token and cost limits, value nesting, no subscriptions, and no "Did you mean" field suggestions that map the
 * schema for a stranger. The token limit is graphql-js's own parse option, so that a document over
 * it is a parse failure (400 GRAPHQL_PARSE_FAILED); graphql-armor's version throws from a plugin
 * hook, which Apollo Server answers as a 500. The parser stops at the limit too, which also bounds
 * how deep a literal argument value can nest before it is parsed.
 */
export function createQueryLimits(limits: QueryLimits = {}): {
  plugins: ReturnType<ApolloArmor['protect']>['plugins'];
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
} {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth ?? 12 },
    // __typename is no exception: a thousand aliases of it cost as much as any other field.
    maxAliases: { n: limits.maxAliases ?? 20, allowList: [] },
    maxTokens: { enabled: false },
    costLimit: { maxCost: limits.maxCost ?? 5000 },
    maxDirectives: { n: 50 },
    blockFieldSuggestion: { enabled: true },
  });
  const protection = armor.protect();
  const maxValueDepth = limits.maxValueDepth ?? 8;
  return {
    plugins: [...protection.plugins, maxVariableDepthGuard(maxValueDepth)],
    validationRules: [
      ...protection.validationRules,
      NoSubscriptionsRule,
      maxValueDepthRule(maxValueDepth),
    ],
    parseOptions: { maxTokens: limits.maxTokens ?? 3000 },
  };
}
