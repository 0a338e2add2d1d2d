import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { stopProcess } from '../store/secantus';

export interface ServiceProcess {
  name: string;
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export interface SpawnOptions {
  name: string;
  script: string;
  env: Record<string, string>;
  /** Where output goes: a file path, or 'inherit' to prefix lines onto this process's output. */
  output: string | 'inherit';
  /** Options for Node itself (e.g. --cpu-prof, which NODE_OPTIONS may not carry). @default [] */
  nodeArgs?: string[];
}

/** Starts one Node service as its own process; its output is prefixed or written to a file. */
export function spawnService(options: SpawnOptions): ChildProcess {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.script], {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (options.output === 'inherit') {
    const prefix = `[${options.name}] `;
    const forward = (stream: NodeJS.WritableStream) => (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n'))
        if (line) stream.write(`${prefix}${line}\n`);
    };
    child.stdout?.on('data', forward(process.stdout));
    child.stderr?.on('data', forward(process.stderr));
  } else {
    mkdirSync(dirname(options.output), { recursive: true });
    const file = createWriteStream(options.output, { flags: 'a' });
    child.stdout?.pipe(file);
    child.stderr?.pipe(file);
  }
  return child;
}

/** Polls `url` until it answers 200, failing early if the process exits. */
export async function waitUntilReady(
  url: string,
  child: ChildProcess,
  timeoutMs = 120_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`process for ${url} exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} was not ready within ${timeoutMs} ms`);
}

export function asServiceProcess(name: string, url: string, child: ChildProcess): ServiceProcess {
  if (child.pid === undefined) throw new Error(`${name} did not start`);
  return { name, url, pid: child.pid, stop: () => stopProcess(child) };
}
