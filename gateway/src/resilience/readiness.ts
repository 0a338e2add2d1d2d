import type { RequestHandler } from 'express';
import type { SubgraphGuard } from './subgraph-guard';

export type Readiness = 'ready' | 'degraded' | 'down';

export interface ReadinessTarget {
  name: string;
  /** The subgraph's GraphQL URL; its `/readyz` is asked, and never shown. */
  url: string;
  guard?: SubgraphGuard;
}

export interface SubgraphReadiness {
  status: Readiness;
  /** The subgraph's store as the subgraph reports it; 'unknown' when the subgraph did not answer. */
  store: 'ready' | 'down' | 'unknown';
  circuit: 'closed' | 'open' | 'half_open';
}

export interface GatewayReadiness {
  status: Readiness;
  subgraphs: Record<string, SubgraphReadiness>;
}

/**
 * One subgraph: ready when its /readyz answers 200 (its store is up) and its breaker is closed;
 * degraded when it answers but its breaker is open or half-open (it failed recently); down when
 * it does not answer in time or reports its store down.
 */
async function checkSubgraph(target: ReadinessTarget, timeoutMs: number) {
  const circuit = target.guard?.state() ?? 'closed';
  let store: SubgraphReadiness['store'] = 'unknown';
  let answered = false;
  try {
    const response = await fetch(new URL('/readyz', target.url), {
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await response.json().catch(() => null)) as { store?: unknown } | null;
    store = body?.store === 'ready' || body?.store === 'down' ? body.store : 'unknown';
    answered = response.ok;
  } catch {
    // not answering: down
  }
  const status: Readiness = !answered ? 'down' : circuit === 'closed' ? 'ready' : 'degraded';
  return { status, store, circuit } satisfies SubgraphReadiness;
}

/**
 * The gateway's readiness over its subgraphs: ready when every subgraph is ready, degraded when
 * some are not (queries still answer, with typed errors for the missing parts), down when none
 * is ready. The status is 503 only when down, because the gateway can serve nothing then; a
 * degraded gateway stays in rotation, since no other replica could do better with the same agencies.
 */
export async function checkReadiness(
  targets: readonly ReadinessTarget[],
  timeoutMs = 1000,
): Promise<GatewayReadiness> {
  const checks = await Promise.all(targets.map((t) => checkSubgraph(t, timeoutMs)));
  const subgraphs = Object.fromEntries(targets.map((t, i) => [t.name, checks[i]!]));
  const ready = checks.filter((c) => c.status === 'ready').length;
  const status: Readiness =
    ready === checks.length
      ? 'ready'
      : checks.some((c) => c.status !== 'down')
        ? 'degraded'
        : 'down';
  return { status, subgraphs };
}

/**
 * GET /readyz. /readyz is public and each check asks every subgraph, so one check at a time runs
 * and its answer serves every caller for `reuseMs`: probes cannot multiply load on the agencies.
 */
export function readinessHandler(
  targets: () => readonly ReadinessTarget[],
  { timeoutMs = 1000, reuseMs = 1000 }: { timeoutMs?: number; reuseMs?: number } = {},
): RequestHandler {
  let last: { at: number; readiness: Promise<GatewayReadiness> } | undefined;
  return async (_req, res) => {
    if (!last || Date.now() - last.at >= reuseMs) {
      const readiness = checkReadiness(targets(), timeoutMs);
      last = { at: Date.now(), readiness };
      // A check still running is shared; a finished one is reused until reuseMs has passed.
      void readiness.finally(() => {
        if (last?.readiness === readiness) last.at = Date.now();
      });
    }
    const readiness = await last.readiness;
    res.status(readiness.status === 'down' ? 503 : 200).json(readiness);
  };
}
