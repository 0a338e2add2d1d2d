import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `node test/dist/bench/profile-summary.js <dir>`: where the CPU of each `--cpu-prof` profile in
 * `dir` went, by self time: the top functions, and the share of each package (or of Jol's own
 * code, of Node's internals, of the garbage collector).
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/** Where a frame's code comes from: a package, Jol's own packages, node, or V8 itself. */
function ownerOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(v8)';
  if (url.startsWith('node:')) return 'node';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  const jol = /\/(schema|gateway|services\/[a-z]+|test)\/dist\//.exec(url);
  return jol ? `jol:${jol[1]}` : 'other';
}

export function summarize(profile: Profile, top = 12): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (deltas[i] ?? 0) / 1000));
  const total = [...selfMs.values()].reduce((a, b) => a + b, 0);
  const functions = new Map<string, number>();
  const owners = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    const { callFrame } = byId.get(id)!;
    if (callFrame.functionName === '(idle)') continue;
    const owner = ownerOf(callFrame.url, callFrame.functionName);
    const file = callFrame.url.split('/').slice(-2).join('/');
    const name = `${callFrame.functionName || '(anonymous)'} ${file}:${callFrame.lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + ms);
    owners.set(owner, (owners.get(owner) ?? 0) + ms);
  }
  const busy = [...owners.values()].reduce((a, b) => a + b, 0);
  const pct = (ms: number) => `${((100 * ms) / Math.max(1, busy)).toFixed(1)}%`;
  const lines = [
    `  busy ${busy.toFixed(0)} ms of ${total.toFixed(0)} ms sampled`,
    `  by owner: ${[...owners]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([owner, ms]) => `${owner} ${pct(ms)}`)
      .join(', ')}`,
    '  top functions (self time):',
    ...[...functions]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => `    ${pct(ms).padStart(6)}  ${name}`),
  ];
  return lines.join('\n');
}

function main(): void {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: profile-summary <dir of .cpuprofile files>');
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile;
    console.log(`${file}\n${summarize(profile)}`);
  }
}

if (require.main === module) main();
