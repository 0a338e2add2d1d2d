import type { IncomingHttpHeaders } from 'node:http';
import {
  CALLER_REQUEST_ID_HEADER,
  callerRequestIdFrom,
  type Caller,
  type Logger,
} from '@jol/kernel';
import { FORWARDED_HEADERS } from './data-source';

export interface GatewayContext {
  requestId: string;
  log: Logger;
  /** The verified caller; the gateway refuses requests without one. */
  caller: Caller | null;
  /**
   * What subgraphs receive of the request: the caller's token and purpose, Jol's request id, and
   * the caller's own request id as a label.
   */
  forwarded: Partial<Record<(typeof FORWARDED_HEADERS)[number], string>>;
  /**
   * Set for an operation Jol wrote itself on the caller's behalf (the indicators CSV): its name is
   * Jol's, so subgraphs are not told it as the caller's.
   */
  ownOperation?: boolean;
  /** Audits the request as refused when its caller is a partner (see refusedOperationAudit). */
  refused?: () => Promise<void>;
}

export function createGatewayContext(
  requestId: string,
  headers: IncomingHttpHeaders,
  log: Logger,
  caller: Caller | null,
): GatewayContext {
  const forwarded: GatewayContext['forwarded'] = { 'x-request-id': requestId };
  const callerRequestId = callerRequestIdFrom(headers['x-request-id']);
  if (callerRequestId) forwarded[CALLER_REQUEST_ID_HEADER] = callerRequestId;
  for (const name of ['authorization', 'x-purpose'] as const) {
    const value = headers[name];
    if (typeof value === 'string') forwarded[name] = value;
  }
  return { requestId, log: log.child({ requestId }), forwarded, caller };
}
