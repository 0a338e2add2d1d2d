import { GraphQLError } from 'graphql';
import { DEFAULT_WEBHOOK_SETTINGS, type WebhookSettings } from './webhook-settings';
import { checkWebhookUrl, isAllowedHost } from './webhook-url';

const settings: WebhookSettings = {
  ...DEFAULT_WEBHOOK_SETTINGS,
  allowedHosts: ['hooks.labour.gov.kg', '*.health.gov.kg'],
};

describe('isAllowedHost', () => {
  it.each<[string, boolean]>([
    ['hooks.labour.gov.kg', true],
    ['HOOKS.LABOUR.GOV.KG', true],
    ['a.health.gov.kg', true],
    ['deep.a.health.gov.kg', true],
    ['health.gov.kg', false],
    ['evilhealth.gov.kg', false],
    ['hooks.labour.gov.kg.evil.example', false],
    ['labour.gov.kg', false],
    ['127.0.0.1', false],
  ])('%s: %s', (host, expected) => {
    expect(isAllowedHost(host, settings.allowedHosts)).toBe(expected);
  });
});

describe('checkWebhookUrl', () => {
  it('accepts an https URL on an allowed host, with a port and a query', () => {
    const url = checkWebhookUrl('https://hooks.labour.gov.kg:8443/jol?s=1', settings);
    expect(url).toBeInstanceOf(URL);
    expect((url as URL).toString()).toBe('https://hooks.labour.gov.kg:8443/jol?s=1');
  });

  it.each<[string, string, RegExp]>([
    ['not absolute', '/hook', /absolute URL/],
    ['not a URL', 'hooks labour', /absolute URL/],
    ['plain http', 'http://hooks.labour.gov.kg/hook', /must use https/],
    ['another scheme', 'file:///etc/passwd', /must use https/],
    ['credentials', 'https://u:p@hooks.labour.gov.kg/hook', /user name or password/],
    ['a fragment', 'https://hooks.labour.gov.kg/hook#x', /fragment/],
    ['a host not allowed', 'https://10.0.0.1/hook', /deliver/],
    ['the store', 'https://localhost:27017/', /deliver/],
    ['too long', `https://hooks.labour.gov.kg/${'a'.repeat(2100)}`, /at most 2048/],
  ])('refuses %s', (_name, raw, message) => {
    const refused = checkWebhookUrl(raw, settings);
    expect(refused).toBeInstanceOf(GraphQLError);
    expect((refused as GraphQLError).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'url',
    });
    expect((refused as GraphQLError).message).toMatch(message);
  });

  it('never repeats the credentials of a refused URL', () => {
    const refused = checkWebhookUrl('https://user:hunter2@hooks.labour.gov.kg/', settings);
    expect((refused as GraphQLError).message).not.toMatch(/hunter2/);
  });

  it('accepts plain http only where the settings allow it', () => {
    const local = { ...settings, allowHttp: true, allowedHosts: ['127.0.0.1'] };
    expect(checkWebhookUrl('http://127.0.0.1:8080/hook', local)).toBeInstanceOf(URL);
  });

  it('allows no host at all by default', () => {
    expect(
      checkWebhookUrl('https://hooks.labour.gov.kg/', DEFAULT_WEBHOOK_SETTINGS),
    ).toBeInstanceOf(GraphQLError);
  });
});
