import CircuitBreaker from 'opossum';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '@jol/kernel';

/** Stable codes of a subgraph part that could not be fetched; the rest of the answer still holds. */
export const SubgraphErrorCode = {
  /** The agency refused the connection, reset it, or answered 5xx on every attempt. */
  UNAVAILABLE: ErrorCode.SUBGRAPH_UNAVAILABLE,
  /** The agency did not answer within its timeout. */
  TIMEOUT: ErrorCode.SUBGRAPH_TIMEOUT,
  /** The agency failed recently and is not called until its breaker lets a trial call through. */
  CIRCUIT_OPEN: ErrorCode.SUBGRAPH_CIRCUIT_OPEN,
} as const;
export type SubgraphErrorCode = (typeof SubgraphErrorCode)[keyof typeof SubgraphErrorCode];

const MESSAGES: Record<SubgraphErrorCode, (subgraph: string) => string> = {
  SUBGRAPH_UNAVAILABLE: (s) => `The ${s} agency could not be reached; its data is missing`,
  SUBGRAPH_TIMEOUT: (s) => `The ${s} agency did not answer in time; its data is missing`,
  SUBGRAPH_CIRCUIT_OPEN: (s) =>
    `The ${s} agency is failing and is not being called for now; its data is missing`,
};

/**
 * What a writer is told when its write's agency failed. A write is sent once; when it was sent
 * and no answer came (a timeout, a reset, a 5xx) it may have been stored all the same, so the
 * caller reads it back before sending it again. A breaker that is open sent nothing.
 */
const WRITE_MESSAGES: Record<SubgraphErrorCode, (subgraph: string) => string> = {
  SUBGRAPH_UNAVAILABLE: (s) =>
    `The ${s} agency could not be reached or failed to answer; the write may have been stored: read it back before sending it again`,
  SUBGRAPH_TIMEOUT: (s) =>
    `The ${s} agency did not answer in time; the write may have been stored: read it back before sending it again`,
  SUBGRAPH_CIRCUIT_OPEN: (s) =>
    `The ${s} agency is failing and was not called; nothing was written`,
};

/** Whether a failed write may have been stored (`extensions.writeOutcome`). */
export type WriteOutcome = 'UNKNOWN' | 'NOT_WRITTEN';

/**
 * The client-facing error for a part of the answer one agency could not give. It names the agency
 * (the subgraph name), never its URL, host or port. For a write it also says whether the write
 * may have been stored (`writeOutcome`).
 */
export class SubgraphCallError extends GraphQLError {
  constructor(
    readonly subgraph: string,
    readonly code: SubgraphErrorCode,
    path?: readonly (string | number)[],
    readonly write = false,
  ) {
    super((write ? WRITE_MESSAGES : MESSAGES)[code](subgraph), {
      path,
      extensions: {
        code,
        subgraph,
        ...(write
          ? {
              writeOutcome: (code === SubgraphErrorCode.CIRCUIT_OPEN
                ? 'NOT_WRITTEN'
                : 'UNKNOWN') satisfies WriteOutcome,
            }
          : {}),
      },
    });
  }

  /** The same error placed at the part of the answer it left empty. */
  at(path: readonly (string | number)[]): SubgraphCallError {
    return new SubgraphCallError(this.subgraph, this.code, path, this.write);
  }
}

/** A subgraph answered with a 5xx status: worth another attempt, and a failure for its breaker. */
export class SubgraphStatusError extends Error {
  constructor(readonly status: number) {
    super(`subgraph answered HTTP ${status}`);
  }
}

export interface SubgraphGuardOptions {
  /** Longest a call may take, all attempts and pauses included. @default 3000 */
  timeoutMs?: number;
  /** Attempts of a query (mutations get one). @default 3 */
  maxAttempts?: number;
  /** Base of the full-jitter exponential pause between attempts. @default 50 */
  backoffMs?: number;
  /** Share of failed calls in the rolling window that opens the breaker. @default 50 */
  errorThresholdPercentage?: number;
  /** Calls in the rolling window before the breaker may open. @default 5 */
  volumeThreshold?: number;
  /** How long an open breaker fails fast before letting one trial call through. @default 10000 */
  resetTimeoutMs?: number;
  /** Length of the breaker's rolling window. @default 10000 */
  rollingWindowMs?: number;
}

export type CallOutcome = 'ok' | 'refused' | 'unavailable' | 'timeout' | 'circuit_open';
export type BreakerState = 'closed' | 'open' | 'half_open';

export interface SubgraphGuardEvents {
  /** One attempt ended (a retried call reports each attempt). */
  attempt?(subgraph: string, outcome: CallOutcome, seconds: number): void;
  /** The breaker changed state. */
  state?(subgraph: string, state: BreakerState): void;
}

/** The settings every subgraph gets unless configured otherwise. */
export const DEFAULT_GUARD: Required<SubgraphGuardOptions> = {
  timeoutMs: 3000,
  maxAttempts: 3,
  backoffMs: 50,
  errorThresholdPercentage: 50,
  volumeThreshold: 5,
  resetTimeoutMs: 10_000,
  rollingWindowMs: 10_000,
};

export interface SubgraphGuard {
  readonly subgraph: string;
  /**
   * Runs `attempt` under the subgraph's deadline and breaker. `attempt` gets the signal that ends
   * it at the deadline and must throw SubgraphStatusError for a 5xx; any other error it throws
   * (a refusal written for the client) passes unchanged and does not count against the breaker.
   * Only a `retry`-able call (a query) is attempted again, and only after a connection failure
   * or a 5xx, while time remains. Throws SubgraphCallError when the agency could not answer.
   */
  call<T>(attempt: (signal: AbortSignal) => Promise<T>, options: { retry: boolean }): Promise<T>;
  state(): BreakerState;
  shutdown(): void;
}

export function createSubgraphGuard(
  subgraph: string,
  options: SubgraphGuardOptions = {},
  events: SubgraphGuardEvents = {},
): SubgraphGuard {
  const settings = { ...DEFAULT_GUARD, ...options };
  const breaker = new CircuitBreaker(
    <T>(attempt: (signal: AbortSignal) => Promise<T>, signal: AbortSignal) => attempt(signal),
    {
      // The deadline is ours (it aborts the request); opossum's own timer would not.
      timeout: false,
      errorThresholdPercentage: settings.errorThresholdPercentage,
      volumeThreshold: settings.volumeThreshold,
      resetTimeout: settings.resetTimeoutMs,
      rollingCountTimeout: settings.rollingWindowMs,
      errorFilter: (error: unknown) => !isAgencyFailure(error),
    },
  );
  const stateOf = (): BreakerState =>
    breaker.opened ? 'open' : breaker.halfOpen ? 'half_open' : 'closed';
  breaker.on('open', () => events.state?.(subgraph, 'open'));
  breaker.on('halfOpen', () => events.state?.(subgraph, 'half_open'));
  breaker.on('close', () => events.state?.(subgraph, 'closed'));
  events.state?.(subgraph, 'closed');

  return {
    subgraph,
    state: stateOf,
    shutdown: () => breaker.shutdown(),
    async call(attempt, { retry }) {
      const deadline = Date.now() + settings.timeoutMs;
      const attempts = retry ? Math.max(1, settings.maxAttempts) : 1;
      for (let n = 1; ; n++) {
        const started = process.hrtime.bigint();
        const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
        const signal = AbortSignal.timeout(Math.max(1, deadline - Date.now()));
        try {
          const result = (await breaker.fire(attempt, signal)) as Awaited<
            ReturnType<typeof attempt>
          >;
          events.attempt?.(subgraph, 'ok', seconds());
          return result;
        } catch (error) {
          const code = classify(error, signal);
          events.attempt?.(subgraph, outcomeOf(code), seconds());
          if (code === null) throw error;
          const pause = Math.random() * settings.backoffMs * 2 ** (n - 1);
          const again =
            code === SubgraphErrorCode.UNAVAILABLE && n < attempts && Date.now() + pause < deadline;
          // A call that may not be sent again is a write.
          if (!again) throw new SubgraphCallError(subgraph, code, undefined, !retry);
          await new Promise((resolve) => setTimeout(resolve, pause));
        }
      }
    },
  };
}

/** Whether an attempt's error says the agency failed (as opposed to refusing this request). */
function isAgencyFailure(error: unknown): boolean {
  return (
    error instanceof SubgraphStatusError ||
    isAbort(error) ||
    // undici's one error for a refused, reset or unreachable connection.
    (error instanceof TypeError && error.message === 'fetch failed')
  );
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

/** The code for an attempt's error, or null when the error is the agency's answer to pass on. */
function classify(error: unknown, signal: AbortSignal): SubgraphErrorCode | null {
  if ((error as { code?: unknown })?.code === 'EOPENBREAKER') return SubgraphErrorCode.CIRCUIT_OPEN;
  if (signal.aborted || isAbort(error)) return SubgraphErrorCode.TIMEOUT;
  if (isAgencyFailure(error)) return SubgraphErrorCode.UNAVAILABLE;
  return null;
}

function outcomeOf(code: SubgraphErrorCode | null): CallOutcome {
  switch (code) {
    case null:
      return 'refused';
    case SubgraphErrorCode.TIMEOUT:
      return 'timeout';
    case SubgraphErrorCode.CIRCUIT_OPEN:
      return 'circuit_open';
    default:
      return 'unavailable';
  }
}
