import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { devKeysEnv, ensureDevKeys, type DevKeys } from '../auth/dev-keys';
import { seedSyntheticData } from '../seed/seed';
import { localRecordKeys } from '../stats/synthetic-secret';
import { startStore, type RunningStore } from '../store/secantus';
import { startSystem, type RunningSystem } from '../system/system';

/** The bearer the benchmarks scrape /metrics with (the processes serve it to this token only). */
export const BENCH_METRICS_TOKEN = 'bench-metrics-token-0123456789abcdef';

/** Prints what the figures were measured on; they mean little without it. */
export function printMachine(): void {
  const list = cpus();
  console.log(
    `machine: ${list.length} cpus (${list[0]?.model.trim() ?? 'unknown model'}), ` +
      `${(totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}, ${process.platform}/${process.arch}`,
  );
}

let clockTicks: number | undefined;

/** Kernel clock ticks per second, in which /proc reports CPU time. */
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** User plus system CPU time a process has used so far, in milliseconds (from /proc/<pid>/stat). */
export function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) is in parentheses and may hold spaces: count from after it.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / ticksPerSecond();
}

/** CPU milliseconds used by each named process between two readings. */
export function cpuBetween(
  before: Record<string, number>,
  after: Record<string, number>,
): Record<string, number> {
  return Object.fromEntries(
    Object.keys(before).map((name) => [name, after[name]! - before[name]!]),
  );
}

export function readCpu(pids: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, cpuMsOf(pid)]));
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  ]!;
}

export interface LoadResult {
  connections: number;
  requests: number;
  non2xx: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

export interface LoadOptions {
  url: string;
  connections: number;
  /** Seconds of load. */
  seconds: number;
  /** At most this many requests, whichever comes first. @default none */
  maxRequests?: number;
  /** Seconds a response may take before it counts as failed. @default 60 */
  timeoutSeconds?: number;
  headers: Record<string, string>;
  body: string;
  /** Headers that change per request (e.g. a different caller's token). @default none */
  headersFor?: (n: number) => Record<string, string>;
  /** The body of request n, when it changes with the caller. @default `body` */
  bodyFor?: (n: number) => string;
}

/**
 * Runs autocannon against `url` (POST, JSON), and reads percentiles from every response's own
 * latency (autocannon's summary has no p95).
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  let n = 0;
  const started = performance.now();
  const cannon: autocannon.Options = {
    url: options.url,
    method: 'POST',
    connections: options.connections,
    duration: options.seconds,
    amount: options.maxRequests,
    timeout: options.timeoutSeconds ?? 60,
    headers: { 'content-type': 'application/json', ...options.headers },
    body: options.body,
    requests:
      options.headersFor || options.bodyFor
        ? [
            {
              setupRequest: (request) => {
                const i = n++;
                return {
                  ...request,
                  headers: { ...request.headers, ...options.headersFor?.(i) },
                  body: options.bodyFor?.(i) ?? options.body,
                };
              },
            },
          ]
        : undefined,
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(cannon, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    connections: options.connections,
    requests: latencies.length,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    seconds,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}

export function formatLoad(result: LoadResult): string {
  const bad = result.non2xx + result.errors;
  return (
    `${String(result.connections).padStart(3)} clients: ${result.perSecond.toFixed(1).padStart(7)} req/s, ` +
    `p50 ${result.p50.toFixed(0)} ms, p95 ${result.p95.toFixed(0)} ms, p99 ${result.p99.toFixed(0)} ms ` +
    `(${result.requests} requests in ${result.seconds.toFixed(1)} s${bad ? `, ${bad} failed` : ''})`
  );
}

/** The sum of a process's series `name` (all labels but `skip`), from its /metrics. */
async function metricSum(url: string, name: string, skip?: string): Promise<number> {
  const response = await fetch(`${new URL(url).origin}/metrics`, {
    headers: { authorization: `Bearer ${BENCH_METRICS_TOKEN}` },
  });
  if (!response.ok) throw new Error(`${url}/metrics answered ${response.status}`);
  const text = await response.text();
  let total = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (skip && line.includes(skip)) continue;
    total += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return total;
}

/** Store commands a subgraph has sent (driver command monitoring, counted in the subgraph). */
export function storeCommandsOf(url: string): Promise<number> {
  // getMore continues a cursor already counted; it follows the answer's size, not the queries.
  return metricSum(url, 'jol_store_command_duration_seconds_count', 'command="getMore"');
}

/** GraphQL errors the gateway has answered with, all codes. */
export function gatewayErrors(gatewayUrl: string): Promise<number> {
  return metricSum(gatewayUrl, 'jol_graphql_errors_total');
}

export async function storeCommands(
  subgraphUrls: Record<string, string>,
): Promise<Record<string, number>> {
  const entries = await Promise.all(
    Object.entries(subgraphUrls).map(async ([name, url]) => [name, await storeCommandsOf(url)]),
  );
  return Object.fromEntries(entries) as Record<string, number>;
}

export interface BenchSystem {
  store: RunningStore;
  system: RunningSystem;
  keys: DevKeys;
  prefix: string;
  /** Process ids by name: the gateway, each subgraph and the store. */
  pids: Record<string, number>;
  stop(): Promise<void>;
}

/**
 * A fresh in-memory store seeded with `persons` synthetic persons, and the five processes on
 * 127.0.0.1 as `npm start` runs them (metrics on for the benchmark's bearer, logs to files).
 */
export async function startBenchSystem(options: {
  persons: number;
  env?: Record<string, string>;
  nodeArgs?: string[];
}): Promise<BenchSystem> {
  const store = await startStore();
  const prefix = 'bench';
  try {
    const started = performance.now();
    await seedSyntheticData({
      mongodbUri: store.uri,
      databasePrefix: prefix,
      persons: options.persons,
      seed: 1,
      progress: false,
      recordKeys: localRecordKeys(),
    });
    console.log(
      `seeded ${options.persons} persons in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const keys = await ensureDevKeys(mkdtempSync(join(tmpdir(), 'jol-bench-keys-')));
    const system = await startSystem({
      mongodbUri: store.uri,
      databasePrefix: prefix,
      output: { logDir: mkdtempSync(join(tmpdir(), 'jol-bench-logs-')) },
      nodeArgs: options.nodeArgs,
      env: {
        ...devKeysEnv(keys),
        METRICS_TOKEN: BENCH_METRICS_TOKEN,
        // A loaded machine should show slow answers, not parts cut off at the default 3 s.
        SUBGRAPH_TIMEOUT_MS: '120000',
        ...options.env,
      },
    });
    const pids: Record<string, number> = {};
    for (const process of system.processes) pids[process.name] = process.pid;
    pids.store = store.pid;
    return {
      store,
      system,
      keys,
      prefix,
      pids,
      stop: async () => {
        await system.stop();
        await store.stop();
      },
    };
  } catch (error) {
    await store.stop();
    throw error;
  }
}
