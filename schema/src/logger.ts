import pino, { type Logger } from 'pino';

export type { Logger };

/** One pino logger per process, named after the service; `LOG_LEVEL` sets the level. */
export function createLogger(name: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ name, level, base: { service: name } });
}
