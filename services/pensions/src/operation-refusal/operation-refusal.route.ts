import type { Request, RequestHandler, Response } from 'express';
import {
  ErrorCode,
  parsePin,
  recordRefusedOperation,
  sendError,
  type SubgraphRouteHelpers,
} from '@jol/kernel';

/** The coordinate a refused operation is audited under (no field was reached). */
export const REFUSED_OPERATION_FIELD = 'Gateway.persistedOperation';

const SHA256_HEX = /^[0-9a-f]{64}$/;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,99}$/;

/** What the gateway sends: the id asked for (null for a free-form query), its name, the PINs. */
export interface RefusalReport {
  operationId: string | null;
  operationName: string | null;
  pins: string[];
}

/** Checks a report's shape; PINs that are not valid PINs are dropped, not trusted. */
export function parseRefusalReport(body: unknown): RefusalReport | null {
  const value = body as Partial<RefusalReport> | null;
  if (!value || typeof value !== 'object') return null;
  const { operationId, operationName, pins } = value;
  if (operationId !== null && (typeof operationId !== 'string' || !SHA256_HEX.test(operationId)))
    return null;
  if (
    operationName !== null &&
    (typeof operationName !== 'string' || !OPERATION_NAME.test(operationName))
  )
    return null;
  if (!Array.isArray(pins) || pins.length > 20) return null;
  const valid = pins.flatMap((pin) => {
    try {
      return [parsePin(pin)];
    } catch {
      return [];
    }
  });
  return { operationId, operationName, pins: [...new Set(valid)].sort() };
}

/**
 * The gateway refuses partner requests that are not registered operations before any subgraph
 * sees them; it reports each refusal here so that the Social Fund's audit chain, which holds every
 * other exchange event, holds these too (outcome DENIED, the caller's token verified again). Only
 * the gateway's signature gets a report in: the route is no door for forged events. Mount behind
 * the subgraph's `signedRoute`, which checks the signature before the body is parsed and verifies
 * the token; a report needs a caller.
 */
export function createRefusalAuditRoute(
  helpers: Pick<SubgraphRouteHelpers<unknown, unknown>, 'contextOf' | 'audit'>,
): RequestHandler {
  return async (req: Request, res: Response) => {
    const context = helpers.contextOf(req, res);
    if (!context.caller) {
      sendError(res, 401, ErrorCode.UNAUTHENTICATED, 'The token is not valid');
      return;
    }
    const report = parseRefusalReport(req.body);
    if (!report) {
      sendError(
        res,
        400,
        ErrorCode.BAD_USER_INPUT,
        'A refusal report needs operationId, operationName and pins',
      );
      return;
    }
    recordRefusedOperation(context, REFUSED_OPERATION_FIELD, report.pins);
    await helpers.audit(context, {
      operationType: null,
      callerOperationName: report.operationName,
      callerOperationId: report.operationId,
    });
    res.status(204).end();
  };
}
