import { Gauge, Histogram, type Registry } from 'prom-client';
import type { BreakerState, SubgraphGuardEvents } from './subgraph-guard';

/** The gauge's value of each breaker state: 0 closed, 1 half-open, 2 open. */
export const CIRCUIT_STATE_VALUE: Record<BreakerState, number> = {
  closed: 0,
  half_open: 1,
  open: 2,
};

/**
 * The gateway's series of its subgraph calls, fed by the guards' events: each attempt's latency
 * by subgraph and outcome (ok, refused, unavailable, timeout, circuit_open), and each breaker's
 * state. Subgraph names come from the supergraph, outcomes from a fixed list.
 */
export function createSubgraphCallMetrics(registry: Registry): SubgraphGuardEvents {
  const calls = new Histogram({
    name: 'jol_subgraph_call_duration_seconds',
    help: 'Gateway-to-subgraph attempt latency, by subgraph and outcome',
    labelNames: ['subgraph', 'outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const circuit = new Gauge({
    name: 'jol_subgraph_circuit_state',
    help: 'Circuit breaker state per subgraph: 0 closed, 1 half-open, 2 open',
    labelNames: ['subgraph'],
    registers: [registry],
  });
  return {
    attempt: (subgraph, outcome, seconds) => calls.observe({ subgraph, outcome }, seconds),
    state: (subgraph, state) => circuit.set({ subgraph }, CIRCUIT_STATE_VALUE[state]),
  };
}
