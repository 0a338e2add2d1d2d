import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import { GraphQLError, visit, type DocumentNode } from 'graphql';
import { INTROSPECTION_ROLES } from '@jol/schema';
import {
  bearerToken,
  ErrorCode,
  isPurpose,
  purposeAllowed,
  sendError,
  sendTokenRefusal,
  type Caller,
  type TokenVerifier,
} from '@jol/kernel';
import type { GatewayContext } from './context';
import type { CallerRefusal } from './persisted-operations';

/** A refusal answered as it is, audited by no one. */
const answerRefusal: CallerRefusal = async (_req, res, status, code, message) => {
  sendError(res, status, code, message);
};

/**
 * Every GraphQL request needs a valid bearer token (401 otherwise; 503 when it cannot be checked), and a declared purpose, when
 * there is one, must be one the caller's roles may declare (403 otherwise). The caller is left in
 * `res.locals.caller` for the context, and set before a purpose is refused, so that the access
 * line names who was refused and `refuseCaller` (the gateway's: see createCallerRefusal) can
 * audit a partner's refusal.
 */
export function createAuthMiddleware(
  verifyToken: TokenVerifier,
  refuseCaller: CallerRefusal = answerRefusal,
) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const token = bearerToken(req.headers.authorization);
    if (!token) {
      sendError(
        res,
        401,
        ErrorCode.UNAUTHENTICATED,
        'An "Authorization: Bearer <token>" header is required',
      );
      return;
    }
    let caller: Caller;
    try {
      caller = await verifyToken(token);
    } catch (error) {
      sendTokenRefusal(res, error);
      return;
    }
    res.locals.caller = caller;
    const purpose = req.headers['x-purpose'];
    if (purpose !== undefined) {
      if (typeof purpose !== 'string' || !isPurpose(purpose)) {
        await refuseCaller(
          req,
          res,
          403,
          ErrorCode.FORBIDDEN,
          `X-Purpose ${JSON.stringify(purpose)} is not a known purpose`,
        );
        return;
      }
      if (!purposeAllowed(caller.roles, purpose)) {
        await refuseCaller(
          req,
          res,
          403,
          ErrorCode.FORBIDDEN,
          `X-Purpose ${purpose} is not allowed for roles ${caller.roles.join(', ')}`,
        );
        return;
      }
    }
    next();
  };
}

/** True when an operation selects `__schema` or `__type` anywhere. */
export function isIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value === '__schema' || node.name.value === '__type') found = true;
    },
  });
  return found;
}

/** Introspection is for agency roles, analysts and auditors; partners see only their operations. */
export function createIntrospectionGuard(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue }) {
          const roles = contextValue.caller?.roles ?? [];
          if (
            isIntrospection(document) &&
            !roles.some((r) => (INTROSPECTION_ROLES as readonly string[]).includes(r))
          ) {
            throw new GraphQLError('Introspection is not allowed for your role', {
              extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } },
            });
          }
        },
      };
    },
  };
}

/** Every "Did you mean ...?" sentence graphql-js writes: fields, arguments, types, enum values. */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/** The text that replaces a hidden suggestion, as graphql-armor writes it for fields. */
export const HIDDEN_SUGGESTION = ' [Suggestion hidden]';

/**
 * A suggestion names values of the schema, so it is introspection by another door: roles that may
 * not introspect get the error without it. graphql-armor hides field suggestions from everyone;
 * this covers the rest (enum values in literals and in variables, arguments, types).
 */
export function createSuggestionGuard(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          const roles = contextValue.caller?.roles ?? [];
          if (roles.some((r) => (INTROSPECTION_ROLES as readonly string[]).includes(r))) return;
          for (const error of errors) {
            error.message = error.message.replace(SUGGESTION, HIDDEN_SUGGESTION);
          }
        },
      };
    },
  };
}
