import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { devKeysEnv, ensureDevKeys, REPO_ROOT } from '@jol/tools';

/** Runs a service's built main.ts with exactly `env` (plus PATH) and collects how it ended. */
function run(script: string, env: Record<string, string>) {
  return new Promise<{ code: number | null; stderr: string; stdout: string }>((resolve) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, script)], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, stdout });
    });
  });
}

const GATEWAY = 'gateway/dist/main.js';
const LABOUR = 'services/labour/dist/main.js';
const PENSIONS = 'services/pensions/dist/main.js';
/** A secret's value that must never be printed. */
const NOT_A_KEY = 'not-an-ed25519-key-4f1c';

/**
 * A process with a bad setting does not start: it exits 1 before listening or connecting, with
 * one line on stderr naming the variable (and never a secret's value).
 */
describe('configuration checked before a process starts', () => {
  let good: Record<string, string>;
  beforeAll(async () => {
    const keys = await ensureDevKeys(mkdtempSync(join(tmpdir(), 'jol-keys-')));
    // Port 1 is never free for an unprivileged process: a process that got past its checks
    // would fail there instead, with a different message.
    good = { ...devKeysEnv(keys), HOST: '127.0.0.1', PORT: '1' };
  });

  it.each<[string, Record<string, string>, string]>([
    [GATEWAY, { SUBGRAPH_URL_HEALHT: 'http://127.0.0.1:4003/graphql' }, 'SUBGRAPH_URL_HEALHT'],
    [GATEWAY, { SUBGRAPH_TIMEOUT_MS_LABOR: '100' }, 'SUBGRAPH_TIMEOUT_MS_LABOR'],
    [GATEWAY, { SUBGRAPH_URL_HEALTH: 'ftp://health/graphql' }, 'SUBGRAPH_URL_HEALTH'],
    [GATEWAY, { SUBGRAPH_TIMEOUT_MS: 'three seconds' }, 'SUBGRAPH_TIMEOUT_MS'],
    [GATEWAY, { SUBGRAPH_MAX_ATTEMPTS: '0' }, 'SUBGRAPH_MAX_ATTEMPTS'],
    [GATEWAY, { PORT: '70000' }, 'PORT'],
    [GATEWAY, { JOL_SIGNING_SECRET: '' }, 'JOL_SIGNING_SECRET'],
    [GATEWAY, { METRICS_TOKEN: 'short' }, 'METRICS_TOKEN'],
    [GATEWAY, { RATE_LIMIT_ANALYSTS: '10' }, 'RATE_LIMIT_ANALYSTS'],
    [GATEWAY, { RATE_LIMIT_ANALYST: '0' }, 'RATE_LIMIT_ANALYST'],
    [GATEWAY, { HEAVY_POOL_PER_CALLER: '9' }, 'HEAVY_POOL_PER_CALLER'],
    [LABOUR, { MONGODB_URI: '' }, 'MONGODB_URI'],
    [LABOUR, { MONGODB_URI: 'postgres://db' }, 'MONGODB_URI'],
    [LABOUR, { PORT: '-1' }, 'PORT'],
    [LABOUR, { JOL_SIGNING_SECRET: '' }, 'JOL_SIGNING_SECRET'],
    [LABOUR, { JOL_GATEWAY_URL: '' }, 'JOL_GATEWAY_URL'],
    [LABOUR, { JOL_GATEWAY_URL: 'gateway:4000' }, 'JOL_GATEWAY_URL'],
    [GATEWAY, { OTEL_TRACES_EXPORTER: 'zipkin' }, 'OTEL_TRACES_EXPORTER'],
    [LABOUR, { OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }, 'OTEL_EXPORTER_OTLP_PROTOCOL'],
    [LABOUR, { OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }, 'OTEL_EXPORTER_OTLP_ENDPOINT'],
    [LABOUR, { JOL_SERVICE_KEY: NOT_A_KEY }, 'JOL_SERVICE_KEY'],
    [PENSIONS, {}, 'JOL_SERVICE_KEY'],
    [
      GATEWAY,
      { JOL_SERVICE_PUBLIC_KEY_FILE: '', JOL_SERVICE_PUBLIC_KEY: NOT_A_KEY },
      'JOL_SERVICE_PUBLIC_KEY',
    ],
  ])('%s stops on %j, naming %s', async (script, bad, variable) => {
    const base =
      script === LABOUR || script === PENSIONS
        ? { ...good, MONGODB_URI: 'mongodb://127.0.0.1:1', JOL_GATEWAY_URL: 'http://127.0.0.1:1' }
        : good;
    const result = await run(script, { ...base, ...bad });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^configuration error: /);
    expect(lines[0]).toContain(variable);
    expect(result.stdout).not.toMatch(/listening/);
    if (bad.METRICS_TOKEN) expect(lines[0]).not.toContain(bad.METRICS_TOKEN);
    expect(lines[0]).not.toContain(NOT_A_KEY);
  });
});
