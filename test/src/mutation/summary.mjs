// Writes reports/mutation/summary.txt and the compact reports/mutation/mutants.json from
// Stryker's full JSON report (which holds every source and test file and is not committed).
// A run over some files (`--mutate a.ts`) replaces those files' entries in the committed
// mutants.json and keeps the others, so separate per-file runs build one report; the summary
// is rendered from every file in it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..', '..');
const dir = join(root, 'reports', 'mutation');
const report = JSON.parse(readFileSync(join(dir, 'mutation.json'), 'utf8'));
const compactPath = join(dir, 'mutants.json');
const previous = existsSync(compactPath) ? JSON.parse(readFileSync(compactPath, 'utf8')) : {};

const DETECTED = new Set(['Killed', 'Timeout']);
const COUNTED = new Set(['Killed', 'Timeout', 'Survived', 'NoCoverage']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

// The source line is kept with each undetected mutant: the summary of a file measured in an
// earlier run must show the line as it was measured, not as the file reads now.
const merged = { ...previous };
for (const [path, file] of Object.entries(report.files)) {
  const lines = file.source.split('\n');
  merged[path] = file.mutants
    .map((m) => ({
      line: m.location.start.line,
      mutator: m.mutatorName,
      replacement: m.replacement,
      status: m.status,
      ...(UNDETECTED.has(m.status)
        ? { code: lines[m.location.start.line - 1].trim().slice(0, 100) }
        : {}),
    }))
    .sort((a, b) => a.line - b.line || a.mutator.localeCompare(b.mutator));
}

// Entries written before the source line was kept fall back to the file as it is now.
const sourceLine = (path, line) => {
  const file = join(root, path);
  if (!existsSync(file)) return '';
  return (readFileSync(file, 'utf8').split('\n')[line - 1] ?? '').trim().slice(0, 100);
};

const rows = [];
const survivors = [];
const paths = Object.keys(merged).sort((a, b) => a.localeCompare(b));
for (const path of paths) {
  const mutants = merged[path];
  const counted = mutants.filter((m) => COUNTED.has(m.status));
  const detected = counted.filter((m) => DETECTED.has(m.status)).length;
  const score = counted.length === 0 ? 100 : (100 * detected) / counted.length;
  rows.push({
    path,
    score,
    detected,
    counted: counted.length,
    ignored: mutants.length - counted.length,
  });
  for (const m of mutants.filter((m) => UNDETECTED.has(m.status))) {
    survivors.push(
      `${path}:${m.line} ${m.status} ${m.mutator} -> ${JSON.stringify(m.replacement).slice(0, 80)}\n    ${m.code ?? sourceLine(path, m.line)}`,
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
writeFileSync(
  compactPath,
  `${JSON.stringify(Object.fromEntries(paths.map((p) => [p, merged[p]])), null, 1)}\n`,
);
console.log(
  `${table.join('\n')}\n(${Object.keys(report.files).length} of ${paths.length} files from this run)`,
);
