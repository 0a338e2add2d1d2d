import pino, { type DestinationStream, type Logger } from 'pino';
import { SIGNATURE_HEADERS } from './access/signing';

export type { Logger };

/** Headers that carry a credential: a log that held them could replay the request. */
const SECRET_HEADERS = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  ...Object.values(SIGNATURE_HEADERS),
];

/** Fields that carry a credential wherever they appear in a logged object. */
const SECRET_FIELDS = [
  'authorization',
  'cookie',
  'token',
  'accessToken',
  'idToken',
  'password',
  'secret',
  'signingSecret',
  'signature',
];

const HEADER_HOLDERS = ['headers', 'req.headers', 'res.headers', '*.headers', '*.*.headers'];

/**
 * The paths `redact` censors in every Jol process: credential headers wherever a headers object
 * is logged, and credential fields at the top level and one level down.
 */
export const REDACTED_PATHS: readonly string[] = [
  ...HEADER_HOLDERS.flatMap((holder) => SECRET_HEADERS.map((name) => `${holder}["${name}"]`)),
  ...SECRET_FIELDS.flatMap((field) => [field, `*.${field}`]),
];

/**
 * One pino logger per process, named after the service; `LOG_LEVEL` sets the level. Credentials
 * are censored (REDACTED_PATHS). `destination` is for tests. @default stdout
 */
export function createLogger(
  name: string,
  level = process.env.LOG_LEVEL ?? 'info',
  destination?: DestinationStream,
): Logger {
  return pino(
    {
      name,
      level,
      base: { service: name },
      redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
    },
    destination,
  );
}
