import type { IncomingHttpHeaders } from 'node:http';
import type { Caller, Logger } from '@jol/schema';
import { FORWARDED_HEADERS } from './data-source';

export interface GatewayContext {
  requestId: string;
  log: Logger;
  /** The verified caller; the gateway refuses requests without one. */
  caller: Caller | null;
  /** The subset of the caller's headers passed on to subgraphs (request id always set). */
  forwarded: Partial<Record<(typeof FORWARDED_HEADERS)[number], string>>;
}

export function createGatewayContext(
  requestId: string,
  headers: IncomingHttpHeaders,
  log: Logger,
  caller: Caller | null,
): GatewayContext {
  const forwarded: GatewayContext['forwarded'] = { 'x-request-id': requestId };
  for (const name of FORWARDED_HEADERS) {
    const value = headers[name];
    if (name !== 'x-request-id' && typeof value === 'string') forwarded[name] = value;
  }
  return { requestId, log: log.child({ requestId }), forwarded, caller };
}
