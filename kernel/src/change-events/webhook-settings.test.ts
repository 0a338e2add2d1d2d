import { ConfigError } from '../settings';
import { DEFAULT_WEBHOOK_SETTINGS, webhookSettingsFromEnv } from './webhook-settings';

describe('webhookSettingsFromEnv', () => {
  it('defaults to no host, https only', () => {
    expect(webhookSettingsFromEnv({})).toEqual(DEFAULT_WEBHOOK_SETTINGS);
    expect(DEFAULT_WEBHOOK_SETTINGS.allowedHosts).toEqual([]);
    expect(DEFAULT_WEBHOOK_SETTINGS.allowHttp).toBe(false);
    expect(DEFAULT_WEBHOOK_SETTINGS.retentionDays).toBe(30);
    expect(DEFAULT_WEBHOOK_SETTINGS.subscriptionDays).toBe(30);
  });

  it('reads how many days a subscription lasts', () => {
    expect(webhookSettingsFromEnv({ WEBHOOK_SUBSCRIPTION_DAYS: '7' }).subscriptionDays).toBe(7);
  });

  it('reads the retention in days', () => {
    expect(webhookSettingsFromEnv({ WEBHOOK_RETENTION_DAYS: '90' }).retentionDays).toBe(90);
  });

  it('reads hosts, lower-cased, separated by commas or spaces', () => {
    const settings = webhookSettingsFromEnv({
      WEBHOOK_ALLOWED_HOSTS: 'Hooks.Labour.gov.kg, *.health.gov.kg 127.0.0.1',
      WEBHOOK_ALLOW_HTTP: 'true',
      WEBHOOK_MAX_ATTEMPTS: '5',
    });
    expect(settings.allowedHosts).toEqual(['hooks.labour.gov.kg', '*.health.gov.kg', '127.0.0.1']);
    expect(settings.allowHttp).toBe(true);
    expect(settings.maxAttempts).toBe(5);
  });

  it.each<[Record<string, string>, RegExp]>([
    [{ WEBHOOK_ALLOWED_HOSTS: 'https://x.kg' }, /^WEBHOOK_ALLOWED_HOSTS must list host names/],
    [{ WEBHOOK_ALLOWED_HOSTS: '*' }, /^WEBHOOK_ALLOWED_HOSTS/],
    [{ WEBHOOK_ALLOW_HTTP: 'yes' }, /^WEBHOOK_ALLOW_HTTP must be true or false/],
    [{ WEBHOOK_MAX_ATTEMPTS: '0' }, /^WEBHOOK_MAX_ATTEMPTS must be at least 1/],
    [{ WEBHOOK_TIMEOUT_MS: 'soon' }, /^WEBHOOK_TIMEOUT_MS must be a whole number/],
    [{ WEBHOOK_RETENTION_DAYS: '0' }, /^WEBHOOK_RETENTION_DAYS must be at least 1/],
    [{ WEBHOOK_RETENTION_DAYS: '1.5' }, /^WEBHOOK_RETENTION_DAYS must be a whole number/],
    [{ WEBHOOK_SUBSCRIPTION_DAYS: '0' }, /^WEBHOOK_SUBSCRIPTION_DAYS must be at least 1/],
    [{ WEBHOOK_SUBSCRIPTION_DAYS: '366' }, /^WEBHOOK_SUBSCRIPTION_DAYS must be at most 365/],
  ])('stops on %j', (env, message) => {
    expect(() => webhookSettingsFromEnv(env)).toThrow(ConfigError);
    expect(() => webhookSettingsFromEnv(env)).toThrow(message);
  });
});
