import type { GraphQLError } from 'graphql';
import { rule } from 'graphql-shield';
import {
  allow,
  coordinateOf,
  decideSubjectScope,
  forbidden,
  notAuthenticated,
  purposeRequired,
  purposeWrites,
  readRule,
  ROLE_POLICY,
  ROLES,
  writeClassOf,
  type AccessRules,
  type Caller,
  type Role,
} from '@jol/schema';
import type { HealthContext } from '../context';
import { parseConsentId } from './consent.inputs';
import type { HealthConsentRecord } from './consent.model';

/** Officers of the agency that owns health data: they record consents for anyone. */
const HEALTH_WRITERS: readonly Role[] = ROLES.filter(
  (role) => ROLE_POLICY[role].writes === 'health',
);

const declares = (caller: Caller, role: Role, purpose: string) =>
  caller.roles.includes(role) &&
  (ROLE_POLICY[role].purposes as readonly string[]).includes(purpose);

/**
 * The role under which a caller may grant or revoke a consent for `pin`: a health officer for any
 * person, the data subject for their own PIN only, each for one of the role's own purposes. Null
 * when neither applies (or the PIN is unknown, as for a revocation of a missing consent).
 */
export function consentAuthority(
  caller: Caller | null,
  purpose: string | null,
  pin: string | undefined,
): Role | null {
  if (!caller || !purpose) return null;
  const officer = HEALTH_WRITERS.find((role) => declares(caller, role, purpose));
  if (officer) return officer;
  const ownRecord = caller.pin !== undefined && pin !== undefined && caller.pin === pin;
  if (ownRecord && declares(caller, 'DATA_SUBJECT', purpose)) return 'DATA_SUBJECT';
  return null;
}

/**
 * decideWrite for consents: records an allowed change in the request's audit trail; a refusal is
 * recorded too (what was asked, about whom), as the kernel records its own.
 */
function decideConsentWrite(
  context: HealthContext,
  coordinate: string,
  pin: string | undefined,
): true | GraphQLError {
  const refuse = (error: GraphQLError) => {
    context.access.refused(coordinate, pin);
    return error;
  };
  if (!context.caller) return refuse(notAuthenticated());
  if (!context.purpose) return refuse(purposeRequired(coordinate));
  if (!consentAuthority(context.caller, context.purpose, pin)) return refuse(forbidden(coordinate));
  // As for every write: the declared purpose must be one that changes this class of data.
  if (!purposeWrites(context.purpose, writeClassOf(coordinate)))
    return refuse(forbidden(coordinate));
  context.access.wrote(coordinate, pin);
  return true;
}

/** The consent a revocation names, or null when the id is malformed or matches nothing. */
async function consentNamed(
  context: HealthContext,
  id: unknown,
): Promise<HealthConsentRecord | null> {
  let key: string;
  try {
    key = parseConsentId(id).toHexString();
  } catch {
    return null;
  }
  return context.loaders.consentById.load(key);
}

/** decideConsentWrite, then the person's scope (region, existence) before any consent is read. */
async function decideScopedConsentWrite(
  context: HealthContext,
  coordinate: string,
  pin: string | undefined,
): Promise<true | GraphQLError> {
  const decision = decideConsentWrite(context, coordinate, pin);
  if (decision !== true) return decision;
  return decideSubjectScope(context, coordinate, pin ?? null);
}

const grantConsent = rule('write:Mutation.grantHealthConsent', { cache: 'no_cache' })(
  (_parent, args: { input?: { pin?: string } }, context: HealthContext, info) =>
    decideScopedConsentWrite(context, coordinateOf(info), args.input?.pin),
);

/** A revocation names a consent by id: its PIN decides whether a data subject may revoke it. */
const revokeConsent = rule('write:Mutation.revokeHealthConsent', { cache: 'no_cache' })(async (
  _parent,
  args: { input?: { id?: unknown } },
  context: HealthContext,
  info,
) => {
  const consent =
    context.caller && context.purpose ? await consentNamed(context, args.input?.id) : null;
  return decideScopedConsentWrite(context, coordinateOf(info), consent?.pin);
});

export const consentRules: AccessRules = {
  Person: { healthConsents: readRule('Person.healthConsents') },
  HealthConsent: allow,
  Mutation: { grantHealthConsent: grantConsent, revokeHealthConsent: revokeConsent },
};
