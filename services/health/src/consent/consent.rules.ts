import type { GraphQLError } from 'graphql';
import { rule } from 'graphql-shield';
import {
  allow,
  coordinateOf,
  decideOwnerOrSubjectWrite,
  decideSubjectScope,
  readRule,
  type AccessRules,
} from '@jol/kernel';
import type { HealthContext } from '../context';
import { parseConsentId } from './consent.inputs';
import type { HealthConsentRecord } from './consent.model';

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

/**
 * A health officer records consents for anyone, the data subject for their own PIN only; then the
 * person's scope (region, existence) is decided before any consent is read.
 */
async function decideScopedConsentWrite(
  context: HealthContext,
  coordinate: string,
  pin: string | undefined,
): Promise<true | GraphQLError> {
  const decision = decideOwnerOrSubjectWrite(context, coordinate, 'health', pin);
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
