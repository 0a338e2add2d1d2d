import { z } from 'zod';

/**
 * A setting a process cannot start with. Its message is one line that names the variable and
 * never prints a secret; `exitOnStartFailure` prints it alone, without a stack.
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** An optional variable: unset and empty are the same. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/** A whole number written in decimal, within [min, max]. */
export const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

/** PORT and HOST, as every process listens, and how it stops (see CloseOptions). */
export const listenSettings = z.object({
  PORT: optional(wholeNumber(0, 65_535)),
  HOST: optional(z.string().regex(/^[A-Za-z0-9.:[\]-]+$/, 'must be a host name or address')),
  SHUTDOWN_DRAIN_MS: optional(wholeNumber(0, 600_000)),
  SHUTDOWN_TIMEOUT_MS: optional(wholeNumber(0, 600_000)),
});

/**
 * Parses `env` with `schema`; the first problem becomes a ConfigError naming its variable and what
 * it must be, with the value quoted only when `showValue` allows (never for secrets).
 */
export function parseEnv<T extends z.ZodType>(
  schema: T,
  env: NodeJS.ProcessEnv,
  showValue: (variable: string) => boolean = () => true,
): z.infer<T> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const variable = String(issue.path[0] ?? 'environment');
  const value = env[variable];
  const shown = value !== undefined && showValue(variable) ? `; got "${value.slice(0, 80)}"` : '';
  throw new ConfigError(`${variable} ${issue.message}${shown}`);
}

/** Whether a variable's value may be quoted in an error: never a secret or a connection string. */
export function isPublicVariable(variable: string): boolean {
  return !/SECRET|TOKEN|KEY|PASSWORD|URI/i.test(variable);
}

/** Runs one of the kernel's readers of the environment, turning its error into a ConfigError. */
export function readSetting<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(error instanceof Error ? error.message : String(error));
  }
}

/** The end of every `main.ts`: a failed start is printed and the process exits non-zero. */
export function exitOnStartFailure(error: unknown): never {
  if (error instanceof ConfigError) console.error(`configuration error: ${error.message}`);
  else console.error(error);
  process.exit(1);
}
