import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';

/**
 * Watches the store a jest run shares: every `intervalMs` it pings the store, and when the store has
 * not answered for `warnAfterMs` it says so on stderr, naming the test files in flight (each worker
 * records its file in `inflightDir`, see `recordTestFileInFlight`) and the store's CPU time. When
 * the store has not answered for `killAfterMs`, it kills the store: every test still waiting on it
 * then fails at once, and the run ends with the reason in its output instead of hanging until the
 * CI time limit.
 */
export interface StoreWatchdogOptions {
  uri: string;
  pid: number;
  inflightDir: string;
  /**
   * The store's output. When given, a silent store is sent SIGUSR1 (the launcher binds it to a dump
   * of every thread's stack) and the end of this file is written out with the warning.
   */
  logFile?: string;
  intervalMs?: number;
  warnAfterMs?: number;
  killAfterMs?: number;
  /** Where the watchdog speaks. @default process.stderr */
  write?: (line: string) => void;
}

export interface StoreWatchdog {
  stop(): Promise<void>;
}

/** The test files in flight, as the workers recorded them. */
export function testFilesInFlight(inflightDir: string): string[] {
  try {
    return readdirSync(inflightDir)
      .map((name) => readFileSync(join(inflightDir, name), 'utf8').trim())
      .filter(Boolean)
      .sort();
  } catch {
    return [];
  }
}

/** Records the test file a worker runs (one file per worker process), for the watchdog to name. */
export function recordTestFileInFlight(inflightDir: string, testPath: string): void {
  mkdirSync(inflightDir, { recursive: true });
  writeFileSync(join(inflightDir, String(process.pid)), testPath);
}

/** The end of a test file: its worker has nothing in flight. */
export function clearTestFileInFlight(inflightDir: string): void {
  rmSync(join(inflightDir, String(process.pid)), { force: true });
}

function cpuSecondsOf(pid: number): number | null {
  try {
    // /proc/<pid>/stat: utime and stime are fields 14 and 15, in clock ticks (100 per second).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return Math.round((Number(fields[11]) + Number(fields[12])) / 100);
  } catch {
    return null;
  }
}

export function startStoreWatchdog(options: StoreWatchdogOptions): StoreWatchdog {
  const intervalMs = options.intervalMs ?? 15_000;
  const warnAfterMs = options.warnAfterMs ?? 60_000;
  const killAfterMs = options.killAfterMs ?? 300_000;
  const write = options.write ?? ((line: string) => process.stderr.write(`${line}\n`));
  const client = new MongoClient(options.uri, {
    serverSelectionTimeoutMS: intervalMs,
    socketTimeoutMS: intervalMs,
    maxPoolSize: 1,
  });
  let lastAnswer = Date.now();
  let warned = false;
  let killed = false;
  let busy = false;
  let stopped = false;

  const check = async () => {
    if (busy || stopped || killed) return;
    busy = true;
    try {
      // Not a ping: a ping is answered by a store whose storage is deadlocked. Listing the
      // databases takes the storage's catalogue lock, as every creation and drop does.
      await client.db('admin').command({ listDatabases: 1, nameOnly: true });
      if (warned)
        write(`store watchdog: the store answers again after ${seconds(Date.now() - lastAnswer)}`);
      lastAnswer = Date.now();
      warned = false;
    } catch {
      const silentMs = Date.now() - lastAnswer;
      const state = () =>
        `store pid ${options.pid}, ${cpuSecondsOf(options.pid) ?? '?'} s of CPU so far; ` +
        `test files in flight: ${testFilesInFlight(options.inflightDir).join(', ') || 'none'}`;
      if (silentMs >= killAfterMs) {
        killed = true;
        write(
          `store watchdog: the store has not answered for ${seconds(silentMs)}; killing it so the ` +
            `run ends (${state()})`,
        );
        try {
          process.kill(options.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      } else if (silentMs >= warnAfterMs && !warned) {
        warned = true;
        write(`store watchdog: the store has not answered for ${seconds(silentMs)} (${state()})`);
        if (options.logFile) write(await stackDumpOf(options.pid, options.logFile));
      }
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void check(), intervalMs);
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await client.close().catch(() => undefined);
    },
  };
}

/** Asks the store for its threads' stacks and returns the end of its output, where they land. */
async function stackDumpOf(pid: number, logFile: string): Promise<string> {
  try {
    process.kill(pid, 'SIGUSR1');
  } catch {
    return 'store watchdog: the store is gone';
  }
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  try {
    const lines = readFileSync(logFile, 'utf8').trimEnd().split('\n');
    return `store watchdog: the end of the store's output (${logFile}):\n${lines.slice(-80).join('\n')}`;
  } catch {
    return `store watchdog: no store output in ${logFile}`;
  }
}

function seconds(ms: number): string {
  return `${Math.round(ms / 1000)} s`;
}
