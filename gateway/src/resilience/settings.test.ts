import { guardSettingsFromEnv } from './settings';

describe('guardSettingsFromEnv', () => {
  it('gives every subgraph the shared settings and one its own timeout', () => {
    const settings = guardSettingsFromEnv({
      SUBGRAPH_TIMEOUT_MS: '2000',
      SUBGRAPH_MAX_ATTEMPTS: '2',
      SUBGRAPH_TIMEOUT_MS_HEALTH: '5000',
    });
    expect(settings.labour).toEqual({ timeoutMs: 2000, maxAttempts: 2 });
    expect(settings.health).toEqual({ timeoutMs: 5000, maxAttempts: 2 });
  });

  it('leaves the defaults to the guard when nothing is set', () => {
    expect(guardSettingsFromEnv({}).migration).toEqual({});
  });

  it.each([
    ['SUBGRAPH_TIMEOUT_MS', '1.5'],
    ['SUBGRAPH_TIMEOUT_MS', '0'],
    ['SUBGRAPH_BREAKER_ERROR_PERCENT', '101'],
    ['SUBGRAPH_RETRY_BACKOFF_MS', '-5'],
    ['SUBGRAPH_TIMEOUT_MS_PENSIONS', '1e3'],
  ])('refuses %s=%s, naming the variable', (variable, value) => {
    expect(() => guardSettingsFromEnv({ [variable]: value })).toThrow(
      new RegExp(`^${variable} must be a whole number`),
    );
  });
});
