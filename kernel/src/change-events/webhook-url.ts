import type { GraphQLError } from 'graphql';
import { badUserInput } from '../errors';
import type { WebhookSettings } from './webhook-settings';

const MAX_URL_LENGTH = 2048;

/** Whether `host` is one the settings allow: listed exactly, or under a listed `*.` domain. */
export function isAllowedHost(host: string, allowed: readonly string[]): boolean {
  const name = host.toLowerCase().replace(/^\[|\]$/g, '');
  return allowed.some((entry) =>
    entry.startsWith('*.') ? name.endsWith(entry.slice(1)) : name === entry,
  );
}

/**
 * A subscriber's URL, checked before anything is stored: https (http only where the settings allow
 * it), no credentials, no fragment, and a host on the allow-list. The message names the rule the
 * URL broke, never which hosts are allowed.
 */
export function checkWebhookUrl(raw: string, settings: WebhookSettings): URL | GraphQLError {
  if (raw.length > MAX_URL_LENGTH)
    return badUserInput(
      'url',
      `${raw.slice(0, 40)}...`,
      `must be at most ${MAX_URL_LENGTH} characters`,
    );
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return badUserInput('url', raw, 'must be an absolute URL (https://host/path)');
  }
  const schemes = settings.allowHttp ? ['https:', 'http:'] : ['https:'];
  if (!schemes.includes(url.protocol))
    return badUserInput('url', raw, `must use ${settings.allowHttp ? 'https or http' : 'https'}`);
  if (url.username !== '' || url.password !== '')
    return badUserInput(
      'url',
      '(a URL with credentials)',
      'must not carry a user name or password',
    );
  if (url.hash !== '') return badUserInput('url', raw, 'must not have a #fragment');
  if (!isAllowedHost(url.hostname, settings.allowedHosts))
    return badUserInput(
      'url',
      raw,
      "must name a host this deployment delivers to (ask Jol's operators to allow it)",
    );
  return url;
}
