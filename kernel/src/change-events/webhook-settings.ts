import { z } from 'zod';
import { parseEnv, wholeNumber } from '../settings';

/** How a subgraph delivers its change events to subscribers. */
export interface WebhookSettings {
  /**
   * Host names a subscription's URL may name (exact, or `*.example.kg` for its sub-domains); no
   * other host is ever called, so a subscriber cannot make Jol call into its own network.
   */
  allowedHosts: readonly string[];
  /** Plain http:// URLs are accepted (local development and tests only). */
  allowHttp: boolean;
  /** Attempts before a delivery is dead-lettered. */
  maxAttempts: number;
  /** The first retry's delay; each later one doubles, with full jitter. */
  retryBaseMs: number;
  /** How long a subscriber may take to answer one delivery. */
  timeoutMs: number;
  /** How often the dispatcher looks for new events and due retries. */
  pollMs: number;
  /**
   * Days an event and its deliveries are kept once done with: a delivery made or given up is
   * deleted this long after its last attempt (a dead letter can be replayed until then), an event
   * fanned out this long after it occurred. A partner's inbox events are not subject to it.
   */
  retentionDays: number;
  /**
   * Days a subscription lasts from its making or its last renewal. The roles it was made with are
   * the subscriber's of that day: an expired subscription hears of nothing until its maker renews
   * it with a token of today, so a role withdrawn from the system stops its deliveries within this
   * many days.
   */
  subscriptionDays: number;
}

export const DEFAULT_WEBHOOK_SETTINGS: WebhookSettings = {
  allowedHosts: [],
  allowHttp: false,
  maxAttempts: 8,
  retryBaseMs: 2_000,
  timeoutMs: 5_000,
  pollMs: 1_000,
  retentionDays: 30,
  subscriptionDays: 30,
};

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const HOST_PATTERN = /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;

const webhookEnv = z.object({
  WEBHOOK_ALLOWED_HOSTS: optional(
    z
      .string()
      .transform((text) =>
        text
          .split(/[\s,]+/)
          .filter((h) => h !== '')
          .map((h) => h.toLowerCase()),
      )
      .refine(
        (hosts) => hosts.every((h) => HOST_PATTERN.test(h)),
        'must list host names (a.example.kg, *.example.kg or 127.0.0.1), separated by commas',
      ),
  ),
  WEBHOOK_ALLOW_HTTP: optional(z.enum(['true', 'false'], { error: 'must be true or false' })),
  WEBHOOK_MAX_ATTEMPTS: optional(wholeNumber(1, 50)),
  WEBHOOK_RETRY_BASE_MS: optional(wholeNumber(10, 3_600_000)),
  WEBHOOK_TIMEOUT_MS: optional(wholeNumber(100, 60_000)),
  WEBHOOK_POLL_MS: optional(wholeNumber(50, 60_000)),
  WEBHOOK_RETENTION_DAYS: optional(wholeNumber(1, 3_650)),
  WEBHOOK_SUBSCRIPTION_DAYS: optional(wholeNumber(1, 365)),
});

/** The webhook settings of `env`; a bad value stops the process with one line naming it. */
export function webhookSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): WebhookSettings {
  const parsed = parseEnv(webhookEnv, env);
  const d = DEFAULT_WEBHOOK_SETTINGS;
  return {
    allowedHosts: parsed.WEBHOOK_ALLOWED_HOSTS ?? d.allowedHosts,
    allowHttp: parsed.WEBHOOK_ALLOW_HTTP === 'true',
    maxAttempts: parsed.WEBHOOK_MAX_ATTEMPTS ?? d.maxAttempts,
    retryBaseMs: parsed.WEBHOOK_RETRY_BASE_MS ?? d.retryBaseMs,
    timeoutMs: parsed.WEBHOOK_TIMEOUT_MS ?? d.timeoutMs,
    pollMs: parsed.WEBHOOK_POLL_MS ?? d.pollMs,
    retentionDays: parsed.WEBHOOK_RETENTION_DAYS ?? d.retentionDays,
    subscriptionDays: parsed.WEBHOOK_SUBSCRIPTION_DAYS ?? d.subscriptionDays,
  };
}
