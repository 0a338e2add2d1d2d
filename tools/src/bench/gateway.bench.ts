import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { subgraphUrlVariable } from '@jol/schema';
import { devKeysEnv, ensureDevKeys, issueDevToken } from '../auth/dev-keys';
import { freePort, REPO_ROOT, stopProcess } from '../store/secantus';
import { waitUntilReady } from '../system/processes';
import {
  BENCH_METRICS_TOKEN,
  cpuBetween,
  formatLoad,
  printMachine,
  readCpu,
  runLoad,
  type LoadResult,
} from './bench-kit';
import { DISTINCT_PERSONS } from './stub-subgraphs';

/**
 * `npm run bench:gateway`: Jol's gateway (auth, limits, signing, access logs on) against a bare
 * @apollo/gateway, both on the committed supergraph and the same stub subgraphs, in one run, one
 * after the other and then again: requests per second, CPU per request and the ratio.
 */

const USAGE = `Usage: npm run bench:gateway -- [--seconds S] [--clients C] [--rounds R]
  --seconds S   seconds of load per gateway and round (default 10)
  --clients C   concurrent clients (default 10)
  --rounds R    rounds of Jol then bare (default 2)`;

const PERSONS = 100;

/** A list of persons with a part from every agency: entity representations that repeat. */
export const OVERHEAD_QUERY = `query Overhead {
  persons(first: ${PERSONS}) {
    edges { node { pin employment { country } screenings { kind } insurancePeriods { country } } }
  }
}`;

const PEERS = join(REPO_ROOT, 'test', 'dist', 'bench', 'gateway-peers.js');

/** Starts a Node process and resolves with the JSON it prints after READY. */
function startPeer(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; ready: Record<string, string> }> {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const line = buffered.split('\n').find((l) => l.startsWith('READY '));
      if (line) {
        resolve({ child, ready: JSON.parse(line.slice(6)) as Record<string, string> });
        buffered = '';
        // From here on the output is drained and dropped (Jol's gateway writes access lines).
        child.stdout!.removeAllListeners('data');
        child.stdout!.resume();
      }
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
  });
}

/** Jol's gateway as `npm start` runs it, from gateway/dist/main.js, its output drained. */
async function startJolGateway(
  stubs: Record<string, string>,
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(REPO_ROOT, 'gateway', 'dist', 'main.js')], {
    env: {
      ...process.env,
      ...env,
      ...Object.fromEntries(Object.entries(stubs).map(([n, url]) => [subgraphUrlVariable(n), url])),
      PORT: String(port),
      HOST: '127.0.0.1',
      METRICS_TOKEN: BENCH_METRICS_TOKEN,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.resume();
  child.stderr!.resume();
  const url = `http://127.0.0.1:${port}`;
  await waitUntilReady(`${url}/healthz`, child);
  return { child, url: `${url}/graphql` };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '10' },
      clients: { type: 'string', default: '10' },
      rounds: { type: 'string', default: '2' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const seconds = Number(values.seconds);
  const clients = Number(values.clients);
  const rounds = Number(values.rounds);
  if (
    ![seconds, clients, rounds].every((n) => Number.isInteger(n) && n > 0) ||
    seconds > 120 ||
    clients > 200 ||
    rounds > 5
  )
    throw new Error(`bad arguments ${JSON.stringify(values)}\n${USAGE}`);

  printMachine();
  const keys = await ensureDevKeys(mkdtempSync(join(tmpdir(), 'jol-bench-keys-')));
  const token = await issueDevToken(keys, { roles: ['MIGRATION_OFFICER'] });
  const stubs = await startPeer([PEERS, 'stubs']);
  const children: ChildProcess[] = [stubs.child];
  try {
    const jol = await startJolGateway(stubs.ready, devKeysEnv(keys));
    children.push(jol.child);
    const bare = await startPeer([PEERS, 'bare', JSON.stringify(stubs.ready)]);
    children.push(bare.child);
    const body = JSON.stringify({ query: OVERHEAD_QUERY });
    const targets = {
      jol: {
        url: jol.url,
        pid: jol.child.pid!,
        headers: { authorization: `Bearer ${token}`, 'x-purpose': 'RETURNEE_SUPPORT' },
      },
      bare: { url: bare.ready.url!, pid: bare.child.pid!, headers: {} },
    };
    for (const [name, target] of Object.entries(targets)) {
      const response = await fetch(target.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...target.headers },
        body,
      });
      const answer = (await response.json()) as {
        data?: { persons?: { edges?: unknown[] } };
        errors?: unknown[];
      };
      if (answer.errors || answer.data?.persons?.edges?.length !== PERSONS)
        throw new Error(`${name} failed the query: ${JSON.stringify(answer).slice(0, 400)}`);
      // Warm-up: JIT, query plans, connections.
      await runLoad({
        url: target.url,
        connections: clients,
        seconds: 2,
        headers: target.headers,
        body,
      });
    }
    console.log(
      `\ngateway overhead: ${PERSONS} persons with parts of 4 agencies (${DISTINCT_PERSONS} distinct ` +
        `persons among the entity representations), stub subgraphs, ${clients} clients, ${seconds} s each`,
    );
    const ratios: number[] = [];
    for (let round = 1; round <= rounds; round++) {
      const measured: Record<string, LoadResult> = {};
      for (const [name, target] of Object.entries(targets)) {
        const before = readCpu({ gateway: target.pid });
        const result = await runLoad({
          url: target.url,
          connections: clients,
          seconds,
          headers: target.headers,
          body,
        });
        const cpu = cpuBetween(before, readCpu({ gateway: target.pid })).gateway!;
        measured[name] = result;
        console.log(
          `  round ${round}, ${name.padEnd(4)} ${formatLoad(result)}, ` +
            `gateway CPU ${(cpu / Math.max(1, result.requests)).toFixed(1)} ms per request`,
        );
      }
      ratios.push(measured.jol!.perSecond / measured.bare!.perSecond);
    }
    console.log(
      `  Jol's gateway / bare @apollo/gateway throughput: ${ratios.map((r) => `${r.toFixed(2)}x`).join(', ')}`,
    );
  } finally {
    await Promise.all(children.map((child) => stopProcess(child)));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
