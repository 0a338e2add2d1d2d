// Writes reports/mutation/summary.txt and the compact reports/mutation/mutants.json from
// Stryker's full JSON report (which holds every source and test file and is not committed).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname, '..', '..', '..', 'reports', 'mutation');
const report = JSON.parse(readFileSync(join(dir, 'mutation.json'), 'utf8'));

const DETECTED = new Set(['Killed', 'Timeout']);
const COUNTED = new Set(['Killed', 'Timeout', 'Survived', 'NoCoverage']);
const rows = [];
const compact = {};
const survivors = [];
for (const [path, file] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
  const lines = file.source.split('\n');
  const counted = file.mutants.filter((m) => COUNTED.has(m.status));
  const detected = counted.filter((m) => DETECTED.has(m.status)).length;
  const score = counted.length === 0 ? 100 : (100 * detected) / counted.length;
  rows.push({
    path,
    score,
    detected,
    counted: counted.length,
    ignored: file.mutants.length - counted.length,
  });
  compact[path] = file.mutants.map((m) => ({
    line: m.location.start.line,
    mutator: m.mutatorName,
    replacement: m.replacement,
    status: m.status,
  }));
  for (const m of file.mutants.filter(
    (m) => m.status === 'Survived' || m.status === 'NoCoverage',
  )) {
    const line = m.location.start.line;
    survivors.push(
      `${path}:${line} ${m.status} ${m.mutatorName} -> ${JSON.stringify(m.replacement).slice(0, 80)}\n    ${lines[line - 1].trim().slice(0, 100)}`,
    );
  }
}
const table = rows.map(
  (r) =>
    `${r.score.toFixed(2).padStart(6)}%  ${String(r.detected).padStart(4)}/${String(r.counted).padEnd(4)} ${r.path}` +
    (r.ignored > 0
      ? ` (${r.ignored} static, compile-error or runtime-error mutants not counted)`
      : ''),
);
writeFileSync(
  join(dir, 'summary.txt'),
  [
    'Mutation score per file: detected (killed or timed out) / counted (killed, timed out, survived, not covered).',
    '',
    ...table,
    '',
    'Surviving and uncovered mutants:',
    ...survivors,
    '',
  ].join('\n'),
);
writeFileSync(join(dir, 'mutants.json'), `${JSON.stringify(compact, null, 1)}\n`);
console.log(table.join('\n'));
