import type { Logger } from '@jol/kernel';
import type { SubgraphGuardEvents } from './subgraph-guard';

/** Every observer in `observers`, plus a log line for each failed attempt and breaker change. */
export function withGuardLogging(
  log: Logger,
  ...observers: (SubgraphGuardEvents | undefined)[]
): SubgraphGuardEvents {
  return {
    attempt(subgraph, outcome, seconds) {
      for (const events of observers) events?.attempt?.(subgraph, outcome, seconds);
      if (outcome !== 'ok' && outcome !== 'refused')
        log.warn({ subgraph, outcome, seconds }, 'subgraph call failed');
    },
    state(subgraph, state) {
      for (const events of observers) events?.state?.(subgraph, state);
      log.info({ subgraph, circuit: state }, 'subgraph circuit state');
    },
  };
}
