import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { BulkheadEvents } from './bulkhead';
import type { RateLimitEvents } from './rate-limits';

/**
 * The gateway's series of caller isolation: requests refused by a rate limit (by the role whose
 * limit applied, or ANONYMOUS for a client address), and the heavy-operation pool's refusals by
 * reason, slots in use, operations waiting, and the wait for a slot. Labels come from fixed lists.
 */
export function createIsolationMetrics(registry: Registry): {
  rateLimits: RateLimitEvents;
  pool: BulkheadEvents;
} {
  const registers = [registry];
  const rateLimited = new Counter({
    name: 'jol_rate_limit_refusals_total',
    help: 'Requests refused with 429 by a rate limit, by the role whose limit applied (ANONYMOUS: per client address)',
    labelNames: ['limit'],
    registers,
  });
  const poolRefused = new Counter({
    name: 'jol_heavy_pool_refusals_total',
    help: 'Heavy operations refused by the pool, by reason (caller_queue_full, queue_full, queue_timeout)',
    labelNames: ['reason'],
    registers,
  });
  const inUse = new Gauge({
    name: 'jol_heavy_pool_slots_in_use',
    help: 'Slots of the heavy-operation pool in use',
    registers,
  });
  const queued = new Gauge({
    name: 'jol_heavy_pool_queued',
    help: 'Heavy operations waiting for a slot',
    registers,
  });
  const wait = new Histogram({
    name: 'jol_heavy_pool_wait_seconds',
    help: 'Time a heavy operation waited for its slot',
    buckets: [0, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers,
  });
  return {
    rateLimits: { refused: (limit) => rateLimited.inc({ limit }) },
    pool: {
      refused: (reason) => poolRefused.inc({ reason }),
      started: (seconds) => wait.observe(seconds),
      changed: (active, waiting) => {
        inUse.set(active);
        queued.set(waiting);
      },
    },
  };
}
