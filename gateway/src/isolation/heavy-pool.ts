import type { ApolloGateway } from '@apollo/gateway';
import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ErrorCode, type Caller } from '@jol/kernel';
import { BulkheadRefusedError, type Bulkhead, type BulkheadRefusal } from './bulkhead';
import { heavyFieldCount, LARGE_PAGE } from './heavy-operations';
import { callerKey, retryAfterSeconds } from './rate-limits';
import type { HeavyPoolSettings } from './settings';

type LoadResult = Awaited<ReturnType<ApolloGateway['load']>>;
type Executor = NonNullable<LoadResult['executor']>;

/** What the gateway hands Apollo Server: the ApolloGateway, with its executor behind the pool. */
export type GatewayLike = Pick<ApolloGateway, 'load' | 'onSchemaLoadOrUpdate' | 'stop'>;

const REFUSALS: Record<BulkheadRefusal, { status: number; code: string; message: string }> = {
  caller_queue_full: {
    status: 429,
    code: ErrorCode.RATE_LIMITED,
    message: 'You already have your share of heavy operations (indicators, long lists) waiting',
  },
  queue_full: {
    status: 503,
    code: ErrorCode.OVERLOADED,
    message: 'Too many heavy operations (indicators, long lists) are waiting',
  },
  queue_timeout: {
    status: 503,
    code: ErrorCode.OVERLOADED,
    message: 'This heavy operation (indicators, long lists) waited too long for its turn',
  },
};

/** The client's error for a refusal of the pool: typed, with its HTTP status and Retry-After. */
export function poolRefusalError(reason: BulkheadRefusal, settings: HeavyPoolSettings) {
  const { status, code, message } = REFUSALS[reason];
  const seconds = retryAfterSeconds(settings.queueTimeoutMs);
  return new GraphQLError(`${message}; try again in ${seconds} s`, {
    extensions: {
      code,
      http: { status, headers: new HeaderMap([['retry-after', String(seconds)]]) },
    },
  });
}

/**
 * `executor` with every query that selects heavy fields (HEAVY_ROOT_FIELDS) run in `pool` under
 * its caller's key, taking one slot per heavy field; other operations run at once. Waiting
 * happens before planning, so a refused operation costs nothing downstream. An operation asking
 * for more heavy fields than one caller's share could never run: it is refused as bad input.
 */
export function withHeavyPool(
  executor: Executor,
  pool: Bulkhead,
  settings: HeavyPoolSettings,
): Executor {
  return async (requestContext) => {
    const weight = heavyFieldCount(
      requestContext.schema,
      requestContext.document,
      requestContext.operationName ?? requestContext.request.operationName,
      requestContext.request.variables,
    );
    if (weight === 0) return executor(requestContext);
    if (weight > settings.perCaller) {
      throw new GraphQLError(
        `An operation may select at most ${settings.perCaller} heavy fields (indicators, persons pages over ${LARGE_PAGE}); got ${weight}: send them in separate requests`,
        { extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } } },
      );
    }
    const caller = (requestContext.context as { caller?: Caller | null }).caller;
    try {
      return await pool.run(callerKey(caller), weight, () => executor(requestContext));
    } catch (error) {
      if (error instanceof BulkheadRefusedError) throw poolRefusalError(error.reason, settings);
      throw error;
    }
  };
}

/** `gateway` with the executor its `load` returns put behind the pool. */
export function isolateHeavyOperations(
  gateway: ApolloGateway,
  pool: Bulkhead,
  settings: HeavyPoolSettings,
): GatewayLike {
  return {
    load: async (options) => {
      const loaded = await gateway.load(options);
      return {
        ...loaded,
        executor: loaded.executor && withHeavyPool(loaded.executor, pool, settings),
      };
    },
    onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
    stop: () => gateway.stop(),
  };
}
