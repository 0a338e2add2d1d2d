import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';

/**
 * Runs a job once per agency, each run its own process given only that agency's database, one after
 * another: how a development machine runs what production schedules as one job per agency. Returns
 * the exit code of each run; stops after the first failure when `stopOnFailure` is set.
 */
export async function runForEachAgency(
  script: string,
  args: readonly string[],
  agencies: readonly string[],
  options: { stopOnFailure?: boolean } = {},
): Promise<Record<string, number>> {
  const codes: Record<string, number> = {};
  for (const agency of agencies) {
    codes[agency] = await new Promise<number>((resolve, reject) => {
      const child = spawn(process.execPath, [script, ...args, '--agency', agency], {
        stdio: 'inherit',
      });
      child.once('error', reject);
      child.once('exit', (code) => resolve(code ?? 1));
    });
    if (codes[agency] !== 0 && options.stopOnFailure) break;
  }
  return codes;
}

/**
 * The body of an audit job's `main.ts`: with `--agency` (or `MONGODB_DB`) it runs `runOne` on that
 * agency's database; without, it runs itself once per agency. Prints the lines the run returns and
 * exits with its code (1 for a broken chain, 2 for a job that could not run).
 */
export function runAuditJob(
  script: string,
  runOne: (args: string[]) => Promise<{ code: number; lines: string[] }>,
  agencies: readonly string[],
): void {
  const args = process.argv.slice(2);
  const { values } = parseArgs({ args, strict: false });
  const run =
    values.agency === undefined && !process.env.MONGODB_DB
      ? // Every agency's chain, each in a process of its own that opens that agency's database alone.
        runForEachAgency(script, args, agencies).then((codes) => ({
          code: Math.max(...Object.values(codes)),
          lines: [] as string[],
        }))
      : runOne(args);
  run
    .then(({ code, lines }) => {
      for (const text of lines) console.log(text);
      process.exitCode = code;
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(2);
    });
}
