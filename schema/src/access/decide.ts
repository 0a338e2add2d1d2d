import { GraphQLError } from 'graphql';
import type { Caller, JolContext } from '../context';
import { forbidden, notAuthenticated, purposeRequired } from './errors';
import {
  FILTER_CLASSES,
  policyFor,
  purposeWrites,
  writeClassOf,
  type AggregateClass,
  type Agency,
  type DataClass,
  type RolePolicy,
} from './policy';

/** What a rule knows about the person a field belongs to. */
export interface Subject {
  pin?: string | null;
  /** Home region; undefined when the subgraph cannot know it (then a region-scoped caller is refused). */
  homeRegion?: string | null;
  /**
   * Codes of the partner institutions that have an exchange case for the person (or the one case
   * asked about); undefined when the rule did not look, which a partner-limited role is refused.
   */
  partners?: readonly string[];
}

/** The caller's role policies that allow the declared purpose, each narrowed to what it needs. */
function policiesOf(roles: readonly string[], purpose: string | null): [string, RolePolicy][] {
  return roles.flatMap((role) => {
    const policy = policyFor(role, purpose);
    return policy ? [[role, policy] as [string, RolePolicy]] : [];
  });
}

/** Whether the caller's grant covers any person rather than only some (own record, partner cases). */
function isUnrestricted([, p]: [string, RolePolicy]): boolean {
  return !p.ownRecordOnly && !p.partnerCasesOnly;
}

/**
 * For roles limited to some persons: the subject is the caller's own record (`pin` claim), or a
 * person with an exchange case with the caller's institution (`partner` claim).
 */
function withinLimitedReach(
  caller: Caller,
  granting: [string, RolePolicy][],
  subject: Subject,
): boolean {
  const ownRecord =
    granting.some(([, p]) => p.ownRecordOnly) &&
    caller.pin !== undefined &&
    subject.pin === caller.pin;
  const partnerCase =
    granting.some(([, p]) => p.partnerCasesOnly) &&
    caller.partner !== undefined &&
    (subject.partners ?? []).includes(caller.partner);
  return ownRecord || partnerCase;
}

/**
 * The one judgement of region scope for reads: a caller whose token names a region reads persons
 * of that home region (an unknown one is another), and always the person it is itself (`pin`).
 */
export function isOutsideRegion(caller: Caller, subject: Subject): boolean {
  if (!caller.region || subject.homeRegion === caller.region) return false;
  return !(caller.pin !== undefined && subject.pin === caller.pin);
}

/** Records a refusal (what was asked, about whom) so that the audit and the access log show it. */
function deny(
  context: JolContext,
  error: GraphQLError,
  coordinate: string,
  pin?: string | null,
): GraphQLError {
  context.access.refused(coordinate, pin);
  return error;
}

/**
 * The first steps of every decision: a caller, a declared purpose, and the caller's role policies
 * that grant `grants` for that purpose. A refusal at any step is recorded and returned.
 */
function grantsOf(
  context: JolContext,
  coordinate: string,
  pin: string | null | undefined,
  grants: (policy: RolePolicy) => boolean,
): { caller: Caller; granting: [string, RolePolicy][] } | GraphQLError {
  const { caller, purpose } = context;
  if (!caller) return deny(context, notAuthenticated(), coordinate, pin);
  if (!purpose) return deny(context, purposeRequired(coordinate), coordinate, pin);
  const granting = policiesOf(caller.roles, purpose).filter(([, p]) => grants(p));
  if (granting.length === 0) return deny(context, forbidden(coordinate), coordinate, pin);
  return { caller, granting };
}

/**
 * The one decision every read rule makes: is this caller, with this declared purpose, allowed this
 * class of data about this person? Records the outcome in the request's access trail.
 */
export function decideRead(
  context: JolContext,
  coordinate: string,
  dataClass: DataClass,
  subject: Subject,
): true | GraphQLError {
  const grant = grantsOf(context, coordinate, subject.pin, (p) => p.reads.includes(dataClass));
  if (grant instanceof GraphQLError) return grant;
  const { caller, granting } = grant;
  const unrestricted = granting.some(isUnrestricted);
  if (!unrestricted && !withinLimitedReach(caller, granting, subject))
    return deny(context, forbidden(coordinate), coordinate, subject.pin);
  if (unrestricted && isOutsideRegion(caller, subject))
    return deny(context, forbidden(coordinate, 'Outside your region:'), coordinate, subject.pin);
  context.access.served(coordinate, subject.pin);
  return true;
}

/**
 * Writes: only officers of the agency that owns the data, for one of their purposes that may change
 * the write's data class (WRITE_CLASSES): a labour officer on RETURNEE_SUPPORT enrols a returnee in
 * a programme but does not record a job abroad.
 */
export function decideWrite(
  context: JolContext,
  coordinate: string,
  agency: Agency,
  pin: string | undefined,
): true | GraphQLError {
  const dataClass = writeClassOf(coordinate);
  const writable = purposeWrites(context.purpose, dataClass);
  const grant = grantsOf(context, coordinate, pin, (p) => p.writes === agency && writable);
  if (grant instanceof GraphQLError) return grant;
  context.access.wrote(coordinate, pin);
  return true;
}

/**
 * For a lookup by PIN (`person(pin)`): the caller must be allowed some person-level data for the
 * purpose, and the person must be in reach (own record, region). A region-scoped caller gets the
 * same refusal for a PIN no person has (no home region) as for a person of another region.
 */
export function decideLookup(
  context: JolContext,
  coordinate: string,
  subject: Subject,
): true | GraphQLError {
  const grant = grantsOf(context, coordinate, subject.pin, (p) => p.reads.length > 0);
  if (grant instanceof GraphQLError) return grant;
  const { caller, granting } = grant;
  const unrestricted = granting.some(isUnrestricted);
  const ownRecord = caller.pin !== undefined && subject.pin === caller.pin;
  if (!unrestricted && !withinLimitedReach(caller, granting, subject))
    return deny(context, forbidden(coordinate), coordinate, subject.pin);
  if (unrestricted && caller.region && !ownRecord && subject.homeRegion !== caller.region) {
    return deny(context, forbidden(coordinate, 'Outside your region:'), coordinate, subject.pin);
  }
  context.access.served(coordinate, subject.pin);
  return true;
}

/** The same judgement as decideRead without recording it: for masks, which hide rather than refuse. */
export function mayRead(context: JolContext, dataClass: DataClass, subject: Subject): boolean {
  const { caller, purpose } = context;
  if (!caller || !purpose) return false;
  const granting = policiesOf(caller.roles, purpose).filter(([, p]) => p.reads.includes(dataClass));
  if (granting.length === 0) return false;
  if (granting.some(isUnrestricted)) return true;
  return withinLimitedReach(caller, granting, subject);
}

/**
 * The institution a caller's reads of `dataClass` are limited to, for resolvers that list cases:
 * null when a grant is not limited to partner cases (every person's, or the own record, which the
 * rule has already held the caller to); otherwise the `partner` claim ('' without one, which
 * matches no institution).
 */
export function partnerScopeOf(context: JolContext, dataClass: DataClass): string | null {
  const { caller, purpose } = context;
  if (!caller) return '';
  const granting = policiesOf(caller.roles, purpose).filter(([, p]) => p.reads.includes(dataClass));
  return granting.some(([, p]) => !p.partnerCasesOnly) ? null : (caller.partner ?? '');
}

/**
 * Exchange messages written by a role that `submits` the data class (a partner institution): for
 * one of its purposes, with a `partner` claim, and about a case of its own institution. A subject
 * without `partners` is a message that opens a case, so there is no case to hold it to yet.
 */
export function decideSubmit(
  context: JolContext,
  coordinate: string,
  dataClass: DataClass,
  subject: Subject,
): true | GraphQLError {
  const grant = grantsOf(
    context,
    coordinate,
    subject.pin,
    (p) => p.submits?.includes(dataClass) ?? false,
  );
  if (grant instanceof GraphQLError) return grant;
  const { caller, granting } = grant;
  if (granting.some(([, p]) => p.partnerCasesOnly)) {
    const partner = caller.partner;
    const ownCase = subject.partners === undefined || subject.partners.includes(partner ?? '');
    if (!partner || !ownCase) return deny(context, forbidden(coordinate), coordinate, subject.pin);
  }
  context.access.wrote(coordinate, subject.pin);
  return true;
}

/**
 * For lists of persons: only roles that read identity without an own-record restriction, for the
 * purpose. Returns the region the list must be limited to (null when unlimited).
 */
export function decideList(
  context: JolContext,
  coordinate: string,
): { region: string | null } | GraphQLError {
  const grant = grantsOf(
    context,
    coordinate,
    undefined,
    (p) => p.reads.includes('identity') && !p.ownRecordOnly && !p.partnerCasesOnly,
  );
  if (grant instanceof GraphQLError) return grant;
  context.access.served(coordinate);
  return { region: grant.caller.region ?? null };
}

/**
 * Reads of aggregates (indicators): only roles whose policy lists the aggregate class, for one of
 * their purposes. Aggregates name no person, so neither own-record nor region limits apply, and
 * the trail records the coordinate with no PIN.
 */
export function decideAggregate(
  context: JolContext,
  coordinate: string,
  aggregateClass: AggregateClass,
): true | GraphQLError {
  const grant = grantsOf(
    context,
    coordinate,
    undefined,
    (p) => p.aggregates?.includes(aggregateClass) ?? false,
  );
  if (grant instanceof GraphQLError) return grant;
  context.access.served(coordinate);
  return true;
}

/**
 * Arguments that select persons by a value (`persons(filter: { status: ABROAD })`) are reads of
 * the value's data class (FILTER_CLASSES): every criterion given must be one the caller may read
 * for the purpose, or the request is refused naming the criterion. `inputType` is the argument's
 * input type (`PersonFilter`); a criterion the table does not classify is a programming error.
 */
export function decideFilter(
  context: JolContext,
  inputType: string,
  filter: object | null | undefined,
): true | GraphQLError {
  for (const [field, value] of Object.entries(filter ?? {})) {
    if (value === undefined || value === null) continue;
    const coordinate = `${inputType}.${field}`;
    const dataClass = FILTER_CLASSES[coordinate];
    if (!dataClass)
      throw new Error(
        `${coordinate} has no data class in FILTER_CLASSES (schema/src/access/policy.ts)`,
      );
    const grant = grantsOf(context, coordinate, undefined, (p) => p.reads.includes(dataClass));
    if (grant instanceof GraphQLError) return grant;
    context.access.served(coordinate);
  }
  return true;
}

/**
 * The region a caller's lists of persons are limited to (the token's `region` claim), null when
 * unlimited: list resolvers narrow their query with it, so that no rule rewrites arguments.
 */
export function regionScopeOf(context: JolContext): string | null {
  return context.caller?.region ?? null;
}
