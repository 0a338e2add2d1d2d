import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors';

/** Refusals say which field and nothing about why beyond the code: no policy details leak. */
export function forbidden(coordinate: string, reason = 'You may not read or write'): GraphQLError {
  return new GraphQLError(`${reason} ${coordinate}`, { extensions: { code: ErrorCode.FORBIDDEN } });
}

/**
 * The one refusal a region-scoped writer gets for a person outside their region, for a PIN no
 * person has and for a record id that names nothing: the same code and message, so that a write
 * tells the caller nothing a read would not.
 */
export function outsideYourRegion(coordinate: string): GraphQLError {
  return forbidden(coordinate, 'Outside your region:');
}

export function consentRequired(coordinate: string): GraphQLError {
  return new GraphQLError(`${coordinate} needs the person's consent for your agency and purpose`, {
    extensions: { code: ErrorCode.CONSENT_REQUIRED },
  });
}

export function notAuthenticated(): GraphQLError {
  return new GraphQLError('Authentication required', {
    extensions: { code: ErrorCode.UNAUTHENTICATED },
  });
}

export function purposeRequired(coordinate: string): GraphQLError {
  return new GraphQLError(`An X-Purpose header is required to read or write ${coordinate}`, {
    extensions: { code: ErrorCode.FORBIDDEN },
  });
}

/**
 * Codes by which the access rules refuse: an allowed write that answers one of these (a check the
 * rules make while it runs, such as a birth date the purpose may not read) was refused, not failed.
 */
export const REFUSAL_CODES: readonly string[] = [
  ErrorCode.FORBIDDEN,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.CONSENT_REQUIRED,
];

export function isRefusalCode(code: unknown): boolean {
  return typeof code === 'string' && REFUSAL_CODES.includes(code);
}
