import type { HeavyPoolSettings } from './settings';

/** Why the pool refused an operation: its caller's queue, the whole queue, or the wait. */
export type BulkheadRefusal = 'caller_queue_full' | 'queue_full' | 'queue_timeout';

/** Raised instead of running a task; nothing of the task ran. */
export class BulkheadRefusedError extends Error {
  override readonly name = 'BulkheadRefusedError';
  constructor(readonly reason: BulkheadRefusal) {
    super(`the heavy-operation pool refused the task: ${reason}`);
  }
}

export interface BulkheadEvents {
  refused?(reason: BulkheadRefusal): void;
  /** A task got its slots after waiting `seconds` (0 when it started at once). */
  started?(seconds: number): void;
  /** Slots in use and tasks waiting, after every change. */
  changed?(active: number, queued: number): void;
}

export interface Bulkhead {
  /**
   * Runs `task` once `caller` may take `weight` slots (capped at the per-caller share), or throws
   * BulkheadRefusedError without running it.
   */
  run<T>(caller: string, weight: number, task: () => Promise<T>): Promise<T>;
  stats(): { active: number; queued: number };
}

interface Waiter {
  weight: number;
  enqueuedAt: number;
  start(): void;
  timer: NodeJS.Timeout;
}

interface CallerState {
  active: number;
  waiting: Waiter[];
}

/**
 * A bulkhead with a fair queue: at most `concurrency` slots in use, at most `perCaller` of them by
 * one caller, at most `queue` tasks waiting and `queuePerCaller` of them one caller's, each for at
 * most `queueTimeoutMs`. Freed slots go to waiting callers in turn (round robin), one caller's
 * tasks in their order, so a caller with a hundred tasks queued delays another caller's task by
 * at most one turn. No CommonJS library has the per-caller share and the queue timeout together
 * (p-queue 6 has neither; p-limit has no queue bound), hence this one.
 */
export function createBulkhead(settings: HeavyPoolSettings, events: BulkheadEvents = {}): Bulkhead {
  const callers = new Map<string, CallerState>();
  // Callers with tasks waiting, in the order they are served next.
  const turn: string[] = [];
  let active = 0;
  let queued = 0;

  const stateOf = (caller: string): CallerState => {
    let state = callers.get(caller);
    if (!state) {
      state = { active: 0, waiting: [] };
      callers.set(caller, state);
    }
    return state;
  };
  const forgetIfIdle = (caller: string, state: CallerState) => {
    if (state.active === 0 && state.waiting.length === 0) callers.delete(caller);
  };
  const fits = (state: CallerState, weight: number) =>
    active + weight <= settings.concurrency && state.active + weight <= settings.perCaller;
  const changed = () => events.changed?.(active, queued);

  /** Starts waiting tasks while slots are free, one per caller per round. */
  const dispatch = () => {
    let started = true;
    while (started && queued > 0 && active < settings.concurrency) {
      started = false;
      // A caller whose task cannot start now (its share is taken) goes to the back of the turn.
      for (let i = turn.length; i > 0 && active < settings.concurrency; i -= 1) {
        const caller = turn.shift()!;
        const state = callers.get(caller)!;
        const head = state.waiting[0]!;
        if (fits(state, head.weight)) {
          state.waiting.shift();
          queued -= 1;
          clearTimeout(head.timer);
          head.start();
          started = true;
        }
        if (state.waiting.length > 0) turn.push(caller);
      }
    }
    changed();
  };

  const run = async <T>(caller: string, weight: number, task: () => Promise<T>): Promise<T> => {
    const slots = Math.min(Math.max(1, Math.floor(weight)), settings.perCaller);
    const state = stateOf(caller);
    const take = () => {
      active += slots;
      state.active += slots;
    };
    if (state.waiting.length === 0 && fits(state, slots)) {
      take();
      events.started?.(0);
      changed();
    } else {
      const refuse = (reason: BulkheadRefusal) => {
        forgetIfIdle(caller, state);
        events.refused?.(reason);
        return new BulkheadRefusedError(reason);
      };
      if (state.waiting.length >= settings.queuePerCaller) throw refuse('caller_queue_full');
      if (queued >= settings.queue) throw refuse('queue_full');
      await new Promise<void>((resolve, reject) => {
        const waiter: Waiter = {
          weight: slots,
          enqueuedAt: performance.now(),
          start: () => {
            take();
            events.started?.((performance.now() - waiter.enqueuedAt) / 1000);
            resolve();
          },
          timer: setTimeout(() => {
            state.waiting.splice(state.waiting.indexOf(waiter), 1);
            queued -= 1;
            if (state.waiting.length === 0) turn.splice(turn.indexOf(caller), 1);
            reject(refuse('queue_timeout'));
            changed();
          }, settings.queueTimeoutMs),
        };
        if (state.waiting.length === 0) turn.push(caller);
        state.waiting.push(waiter);
        queued += 1;
        changed();
      });
    }
    try {
      return await task();
    } finally {
      active -= slots;
      state.active -= slots;
      forgetIfIdle(caller, state);
      dispatch();
    }
  };

  return { run, stats: () => ({ active, queued }) };
}
