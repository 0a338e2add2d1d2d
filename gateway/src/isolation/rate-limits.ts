import { isIPv4, isIPv6 } from 'node:net';
import type { Request, RequestHandler, Response } from 'express';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { ROLES, type Role } from '@jol/schema';
import { ErrorCode, sendError, type Caller } from '@jol/kernel';
import type { CallerRefusal } from '../persisted-operations';
import type { RateLimitSettings } from './settings';

/** What a refusal counts against: a role's limit, or the anonymous limit of a client address. */
export type RateLimitScope = Role | 'ANONYMOUS';

/**
 * The one name a caller's budgets are kept under: a partner institution's code (all its tokens
 * share one budget), else the token's `sub`. Nothing else in the request (request id, purpose,
 * operation, aliases) changes it.
 */
export function callerKey(caller: Caller | null | undefined): string {
  if (!caller) return 'anonymous';
  if (caller.roles.includes('PARTNER') && caller.partner) return `partner:${caller.partner}`;
  return `sub:${caller.sub}`;
}

/**
 * The client address a request is counted under: an IPv4 address as it is (an IPv4-mapped IPv6
 * address as its IPv4 form), an IPv6 address by its /64, the block one subscriber usually holds,
 * so that walking through a prefix's addresses gives no fresh budget.
 */
export function clientAddressKey(address: string | undefined): string {
  if (!address) return 'ip:unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return `ip:${mapped[1]}`;
  if (isIPv4(address)) return `ip:${address}`;
  if (!isIPv6(address)) return 'ip:unknown';
  const [head = '', tail] = address.split('%')[0]!.toLowerCase().split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return `ip:${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

export interface RateLimitEvents {
  refused?(scope: RateLimitScope): void;
}

/** Seconds to wait before the next request counts, as a whole number of at least one. */
export const retryAfterSeconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

function refuse(res: Response, ms: number, message: string): void {
  const seconds = retryAfterSeconds(ms);
  res.setHeader('Retry-After', String(seconds));
  sendError(res, 429, ErrorCode.RATE_LIMITED, `${message}; try again in ${seconds} s`);
}

/** The role whose limit applies to a caller: the most generous of its roles. */
function limitingRole(caller: Caller, limits: RateLimitSettings['limits']): Role {
  let best: Role | undefined;
  for (const role of caller.roles) {
    if (!(ROLES as readonly string[]).includes(role)) continue;
    if (best === undefined || limits[role as Role] > limits[best]) best = role as Role;
  }
  return best ?? 'DATA_SUBJECT';
}

/**
 * Per-caller rate limits (rate-limiter-flexible, counted in this process's memory: each gateway
 * replica counts on its own). Two middlewares around token verification:
 *
 * - `beforeAuth` counts the request against its client address first, so that a flood of missing
 *   or forged tokens is refused (429) before any signature is checked once the address's
 *   anonymous budget is spent;
 * - `afterAuth` gives that point back, authentication having passed, and counts the request against
 *   the caller (`callerKey`) under the limit of its role. One HTTP request is one point whatever
 *   its body holds (aliases, several operations, a batch), since the body is not read yet.
 */
export function createRateLimits(
  settings: RateLimitSettings,
  events: RateLimitEvents = {},
  /** How a verified caller's 429 is answered (the gateway's audits a partner's). @default sent as it is */
  refuseCaller?: CallerRefusal,
) {
  const duration = settings.windowSeconds;
  const anonymous = new RateLimiterMemory({
    keyPrefix: 'anonymous',
    points: settings.limits.ANONYMOUS,
    duration,
  });
  const byRole = Object.fromEntries(
    ROLES.map((role) => [
      role,
      new RateLimiterMemory({ keyPrefix: role, points: settings.limits[role], duration }),
    ]),
  ) as Record<Role, RateLimiterMemory>;

  const beforeAuth: RequestHandler = (req: Request, res: Response, next) => {
    const key = clientAddressKey(req.socket.remoteAddress);
    anonymous.consume(key).then(
      () => {
        res.locals.anonymousKey = key;
        next();
      },
      (rejection: unknown) => {
        if (!(rejection instanceof RateLimiterRes)) {
          next(rejection);
          return;
        }
        events.refused?.('ANONYMOUS');
        refuse(
          res,
          rejection.msBeforeNext,
          'Too many requests without a valid token from your address',
        );
      },
    );
  };

  const afterAuth: RequestHandler = (req: Request, res: Response, next) => {
    const caller = res.locals.caller as Caller;
    const key = res.locals.anonymousKey as string | undefined;
    const role = limitingRole(caller, settings.limits);
    Promise.all([
      key ? anonymous.reward(key) : undefined,
      byRole[role].consume(callerKey(caller)),
    ]).then(
      () => next(),
      (rejection: unknown) => {
        if (!(rejection instanceof RateLimiterRes)) {
          next(rejection);
          return;
        }
        events.refused?.(role);
        const message = `Too many requests: ${settings.limits[role]} per ${duration} s for ${role}`;
        // Only the first refusal of a window goes to the caller's audit: a partner that keeps
        // sending over its limit must not turn each refused request into an audit write.
        const firstOfWindow = rejection.consumedPoints === settings.limits[role] + 1;
        if (!refuseCaller || !firstOfWindow) {
          refuse(res, rejection.msBeforeNext, message);
          return;
        }
        const seconds = retryAfterSeconds(rejection.msBeforeNext);
        res.setHeader('Retry-After', String(seconds));
        void refuseCaller(
          req,
          res,
          429,
          ErrorCode.RATE_LIMITED,
          `${message}; try again in ${seconds} s`,
        ).catch(next);
      },
    );
  };

  return { beforeAuth, afterAuth };
}
