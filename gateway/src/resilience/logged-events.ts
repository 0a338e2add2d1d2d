import type { Logger } from '@jol/schema';
import type { SubgraphGuardEvents } from './subgraph-guard';

/** `events`, plus a log line for each failed attempt and each change of a breaker's state. */
export function withGuardLogging(
  log: Logger,
  events: SubgraphGuardEvents = {},
): SubgraphGuardEvents {
  return {
    attempt(subgraph, outcome, seconds) {
      events.attempt?.(subgraph, outcome, seconds);
      if (outcome !== 'ok' && outcome !== 'refused')
        log.warn({ subgraph, outcome, seconds }, 'subgraph call failed');
    },
    state(subgraph, state) {
      events.state?.(subgraph, state);
      log.info({ subgraph, circuit: state }, 'subgraph circuit state');
    },
  };
}
