import { writeFileSync } from 'node:fs';
import { checkApiChanges, describeChange } from './check';
import { releaseChangelog, unreleasedDeclarations } from './changelog';
import { API_FILES, readApiFiles } from './files';

// npm run schema:release -- <version>: the current schema/api.graphql becomes the released
// contract (schema/api.baseline.graphql) and the changelog's Unreleased section becomes <version>.
// Refuses while a breaking change is undeclared or a declaration is stale.
async function main(): Promise<number> {
  const version = process.argv[2];
  if (!version || !/^\d+\.\d+\.\d+$/.test(version)) {
    console.error('usage: npm run schema:release -- <major.minor.patch>');
    return 2;
  }
  const files = readApiFiles();
  const report = await checkApiChanges(
    files.baseline,
    files.current,
    unreleasedDeclarations(files.changelog),
  );
  if (report.undeclared.length > 0 || report.stale.length > 0) {
    for (const c of report.undeclared)
      console.error(`undeclared breaking change: ${describeChange(c)}`);
    for (const d of report.stale) console.error(`stale declaration: ${d.line}`);
    console.error('Declare breaking changes in schema/CHANGELOG.md (Unreleased, Breaking) first.');
    return 1;
  }
  const date = new Date().toISOString().slice(0, 10);
  writeFileSync(API_FILES.changelog, releaseChangelog(files.changelog, version, date));
  writeFileSync(API_FILES.baseline, files.current);
  console.log(
    `API schema ${version} released: ${report.declared.length} breaking, ${report.dangerous.length} dangerous, ${report.safe.length} other changes since the last release`,
  );
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  },
);
