import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync, readFileSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { MongoClient } from 'mongodb';

/** The MongoDB-wire server Jol runs locally and in tests; pinned so every machine gets the same. */
export const SECANTUS_VERSION = '0.7.0b3';

/** The repository root, found from this file whether it runs from src or dist. */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

export interface EnsureOptions {
  /** Where the virtual environment lives. @default <repo>/.tools/secantus */
  venvDir?: string;
  /** The Python that creates it. @default $PYTHON or python3 */
  python?: string;
}

/**
 * Installs SecantusDB into a project-local virtual environment once, and returns its Python.
 * A marker file records the installed version, so a changed pin reinstalls.
 */
export function ensureSecantus(options: EnsureOptions = {}): string {
  const venvDir = options.venvDir ?? join(REPO_ROOT, '.tools', 'secantus');
  const python = join(venvDir, 'bin', 'python');
  const marker = join(venvDir, 'jol-installed-version');
  if (existsSync(marker) && readFileSync(marker, 'utf8').trim() === SECANTUS_VERSION) return python;
  mkdirSync(venvDir, { recursive: true });
  const base = options.python ?? process.env.PYTHON ?? 'python3';
  execFileSync(base, ['-m', 'venv', venvDir], { stdio: 'inherit' });
  execFileSync(
    python,
    [
      '-m',
      'pip',
      'install',
      '--quiet',
      '--disable-pip-version-check',
      `SecantusDB==${SECANTUS_VERSION}`,
    ],
    {
      stdio: 'inherit',
    },
  );
  writeFileSync(marker, `${SECANTUS_VERSION}\n`);
  return python;
}

/** Asks the kernel for a free loopback port. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

export interface StartStoreOptions {
  /** A directory that survives restarts, or ':memory:' for a throw-away store. @default ':memory:' */
  storagePath?: string;
  /** @default a free port */
  port?: number;
  /** File that receives the server's output. @default discarded */
  logFile?: string;
  /** How long to wait for the first successful ping. @default 60000 */
  readyTimeoutMs?: number;
  /** Where SecantusDB's virtual environment lives. @default <repo>/.tools/secantus */
  venvDir?: string;
  /**
   * The storage engine's cache ('512M', '4G'): a write that would overflow it is refused
   * (WT_CACHE_FULL), so a store of national size needs more than the default. @default '1G'
   */
  cacheSize?: string;
}

export interface RunningStore {
  /** Connection string without a database; each agency picks its own. */
  uri: string;
  pid: number;
  port: number;
  stop(): Promise<void>;
  /** Lets this process exit while the store keeps running (jest stops it by pid later). */
  detach(): void;
}

/**
 * `python -m secantus`, with SIGUSR1 bound to a dump of every thread's stack on the store's output
 * (its log file): a store that stops answering can say where it is stuck without being stopped.
 */
const STORE_ENTRY = [
  'import faulthandler, runpy, signal',
  'faulthandler.register(signal.SIGUSR1, all_threads=True)',
  "runpy.run_module('secantus', run_name='__main__', alter_sys=True)",
].join('; ');

/** Starts a SecantusDB server on 127.0.0.1 and resolves once it answers a ping. */
export async function startStore(options: StartStoreOptions = {}): Promise<RunningStore> {
  if (options.cacheSize !== undefined && !/^\d+[MG]$/.test(options.cacheSize))
    throw new Error(`cacheSize must be a size like 512M or 4G; got "${options.cacheSize}"`);
  const python = ensureSecantus({ venvDir: options.venvDir });
  const port = options.port ?? (await freePort());
  const storagePath = options.storagePath ?? ':memory:';
  if (storagePath !== ':memory:') mkdirSync(storagePath, { recursive: true });
  const out = options.logFile ? openSync(options.logFile, 'a') : 'ignore';
  const child: ChildProcess = spawn(
    python,
    [
      '-c',
      STORE_ENTRY,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--storage-path',
      storagePath,
      '--log-level',
      'WARNING',
      ...(options.cacheSize ? ['--cache-size', options.cacheSize] : []),
    ],
    { stdio: ['ignore', out, out], detached: false },
  );
  if (child.pid === undefined) throw new Error('SecantusDB did not start: no process id');
  const uri = `mongodb://127.0.0.1:${port}/?directConnection=true`;
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  try {
    await waitForPing(uri, options.readyTimeoutMs ?? 60_000, () => exited);
  } catch (error) {
    // A store that never answered is not left running behind the error.
    await stopProcess(child);
    throw error;
  }
  const pid = child.pid;
  return {
    uri,
    pid,
    port,
    stop: () => stopProcess(child),
    detach: () => {
      child.removeAllListeners('exit');
      child.unref();
    },
  };
}

async function waitForPing(
  uri: string,
  timeoutMs: number,
  hasExited: () => boolean,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (hasExited()) throw new Error(`SecantusDB exited before answering at ${uri}`);
    const client = new MongoClient(uri, { serverSelectionTimeoutMS: 1000 });
    try {
      await client.connect();
      await client.db('admin').command({ ping: 1 });
      return;
    } catch (error) {
      lastError = error;
      await new Promise((r) => setTimeout(r, 250));
    } finally {
      await client.close().catch(() => undefined);
    }
  }
  throw new Error(
    `SecantusDB did not answer at ${uri} within ${timeoutMs} ms: ${String(lastError)}`,
  );
}

/** Sends SIGTERM to the process by its id and waits for it to exit (SIGKILL after 10 s). */
export async function stopProcess(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolveStop) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveStop();
    });
    child.kill('SIGTERM');
  });
}

/** Stops a process known only by its id (as jest's teardown knows the store). */
export function killPid(pid: number): void {
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    // already gone
  }
}
