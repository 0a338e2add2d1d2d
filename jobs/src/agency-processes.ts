import { spawn } from 'node:child_process';

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
