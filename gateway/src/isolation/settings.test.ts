import { ConfigError } from '@jol/kernel';
import { DEFAULT_ISOLATION, isolationSettingsFromEnv } from './settings';

describe('isolationSettingsFromEnv', () => {
  it('keeps every default when nothing is set', () => {
    expect(isolationSettingsFromEnv({})).toEqual(DEFAULT_ISOLATION);
  });

  it('sets one role, the window and the pool over the defaults', () => {
    const settings = isolationSettingsFromEnv({
      RATE_LIMIT_ANALYST: '5',
      RATE_LIMIT_WINDOW_S: '10',
      RATE_LIMIT_ANONYMOUS: '3',
      HEAVY_POOL_CONCURRENCY: '8',
      HEAVY_POOL_QUEUE_TIMEOUT_MS: '250',
    });
    expect(settings.rateLimits.windowSeconds).toBe(10);
    expect(settings.rateLimits.limits.ANALYST).toBe(5);
    expect(settings.rateLimits.limits.ANONYMOUS).toBe(3);
    expect(settings.rateLimits.limits.MIGRATION_OFFICER).toBe(600);
    expect(settings.heavyPool).toEqual({
      concurrency: 8,
      perCaller: 2,
      queue: 64,
      queuePerCaller: 8,
      queueTimeoutMs: 250,
    });
  });

  it.each([
    ['RATE_LIMIT_ANALYST', '0', /^RATE_LIMIT_ANALYST must be at least 1; got "0"$/],
    ['RATE_LIMIT_ANALYST', '1.5', /^RATE_LIMIT_ANALYST must be a whole number/],
    ['RATE_LIMIT_WINDOW_S', '3601', /^RATE_LIMIT_WINDOW_S must be at most 3600/],
    ['HEAVY_POOL_QUEUE_TIMEOUT_MS', 'ten', /^HEAVY_POOL_QUEUE_TIMEOUT_MS must be a whole number/],
    [
      'RATE_LIMIT_ANALYSTS',
      '5',
      /^RATE_LIMIT_ANALYSTS is not a setting; the settings are .*RATE_LIMIT_ANALYST,/,
    ],
    [
      'HEAVY_POOL_SIZE',
      '5',
      /^HEAVY_POOL_SIZE is not a setting; the settings are HEAVY_POOL_CONCURRENCY,/,
    ],
    [
      'HEAVY_POOL_PER_CALLER',
      '5',
      /^HEAVY_POOL_PER_CALLER must be at most HEAVY_POOL_CONCURRENCY \(4\)/,
    ],
    [
      'HEAVY_POOL_QUEUE_PER_CALLER',
      '65',
      /^HEAVY_POOL_QUEUE_PER_CALLER must be at most HEAVY_POOL_QUEUE \(64\)/,
    ],
  ])('refuses %s=%s with one line naming it', (variable, value, message) => {
    const read = () => isolationSettingsFromEnv({ [variable]: value });
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(message);
  });
});
