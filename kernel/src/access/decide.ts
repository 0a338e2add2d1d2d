import { GraphQLError } from 'graphql';
import type { Caller, JolContext } from '../context';
import {
  consentRequired,
  forbidden,
  notAuthenticated,
  outsideYourRegion,
  purposeRequired,
} from './errors';
import type { TrailRevision, TrailSearch } from './trail';
import {
  CHANGE_EVENT_TYPES,
  CHANGE_EVENTS,
  FILTER_CLASSES,
  PARTNER_EXCHANGE_CLASSES,
  PERSON_SEARCH,
  ROLE_POLICY,
  ROLES,
  type AggregateClass,
  type Agency,
  type ChangeEventType,
  type DataClass,
  type Role,
  type RolePolicy,
} from '@jol/schema';
import { policyFor, purposeWrites, writeClassOf } from './policy';

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

/**
 * Records a refusal (what was asked, about whom) so that the audit and the access log show it, and
 * returns the error the caller gets: the one way a refusal reaches the trail.
 */
export function refuse(
  context: JolContext,
  coordinate: string,
  pin: string | null | undefined,
  error: GraphQLError,
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
  grants: (policy: RolePolicy, role: string) => boolean,
): { caller: Caller; granting: [string, RolePolicy][] } | GraphQLError {
  const { caller, purpose } = context;
  if (!caller) return refuse(context, coordinate, pin, notAuthenticated());
  if (!purpose) return refuse(context, coordinate, pin, purposeRequired(coordinate));
  const granting = policiesOf(caller.roles, purpose).filter(([role, p]) => grants(p, role));
  if (granting.length === 0) return refuse(context, coordinate, pin, forbidden(coordinate));
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
    return refuse(context, coordinate, subject.pin, forbidden(coordinate));
  if (unrestricted && isOutsideRegion(caller, subject))
    return refuse(context, coordinate, subject.pin, forbidden(coordinate, 'Outside your region:'));
  context.access.served(coordinate, subject.pin);
  return true;
}

/**
 * A record's correction history (`versions`: earlier values, and the officers' free-text reasons
 * about the record): the register classifies it at the most restrictive class of the record's
 * fields, so that neither a reason nor a changed value tells a caller what it may not read of the
 * record. Decided like decideRead, except that a record that does not carry its person's home
 * region leaves the region to the decision it was reached through (the field of Person that lists
 * it, or the write that returned it): a history is reachable no other way.
 */
export function decideHistory(
  context: JolContext,
  coordinate: string,
  dataClass: DataClass,
  subject: Subject,
): true | GraphQLError {
  if (subject.homeRegion !== undefined) return decideRead(context, coordinate, dataClass, subject);
  const grant = grantsOf(context, coordinate, subject.pin, (p) => p.reads.includes(dataClass));
  if (grant instanceof GraphQLError) return grant;
  const { caller, granting } = grant;
  if (!granting.some(isUnrestricted) && !withinLimitedReach(caller, granting, subject))
    return refuse(context, coordinate, subject.pin, forbidden(coordinate));
  context.access.served(coordinate, subject.pin);
  return true;
}

/**
 * Writes: only officers of the agency that owns the data, for one of their purposes that may change
 * the write's data class (WRITE_CLASSES): an officer whose purpose changes only one of the
 * agency's classes cannot write its others under that purpose.
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

/** The role a caller acts under for `purpose`: one that lists the purpose among its own. */
function declares(caller: Caller, role: Role, purpose: string): boolean {
  return (
    caller.roles.includes(role) &&
    (ROLE_POLICY[role].purposes as readonly string[]).includes(purpose)
  );
}

/**
 * Writes that an officer of the agency owning the data makes for anyone, and the person makes for
 * their own PIN (a consent): the role the caller acts under, the agency's officer first, each for
 * one of the role's own purposes. Null when neither applies, or the PIN is unknown (a revocation
 * of a missing consent). Resolvers read it to record who made the change.
 */
export function ownerOrSubjectRoleOf(
  context: Pick<JolContext, 'caller' | 'purpose'>,
  agency: Agency,
  pin: string | undefined,
): Role | null {
  const { caller, purpose } = context;
  if (!caller || !purpose) return null;
  const officer = ROLES.find(
    (role) => ROLE_POLICY[role].writes === agency && declares(caller, role, purpose),
  );
  if (officer) return officer;
  const ownRecord = caller.pin !== undefined && pin !== undefined && caller.pin === pin;
  return ownRecord && declares(caller, 'DATA_SUBJECT', purpose) ? 'DATA_SUBJECT' : null;
}

/**
 * decideWrite for the writes of ownerOrSubjectRoleOf: allowed when the caller acts under such a
 * role, for a declared purpose that changes the write's data class (WRITE_CLASSES).
 */
export function decideOwnerOrSubjectWrite(
  context: JolContext,
  coordinate: string,
  agency: Agency,
  pin: string | undefined,
): true | GraphQLError {
  if (!context.caller) return refuse(context, coordinate, pin, notAuthenticated());
  if (!context.purpose) return refuse(context, coordinate, pin, purposeRequired(coordinate));
  if (!ownerOrSubjectRoleOf(context, agency, pin))
    return refuse(context, coordinate, pin, forbidden(coordinate));
  if (!purposeWrites(context.purpose, writeClassOf(coordinate)))
    return refuse(context, coordinate, pin, forbidden(coordinate));
  context.access.wrote(coordinate, pin);
  return true;
}

/**
 * A read that the person's consent can open to an officer of another agency (a consent-gated
 * class): a caller the policy lets read the class, or who asks as no consent recipient, is
 * decided by decideRead; a recipient is refused outside their region, then refused with
 * CONSENT_REQUIRED unless `consented` finds the person's active consent for them.
 */
export async function decideConsentedRead(
  context: JolContext,
  coordinate: string,
  dataClass: DataClass,
  subject: Subject,
  recipient: { asks: boolean; consented(): Promise<boolean> },
): Promise<true | GraphQLError> {
  if (!recipient.asks || mayRead(context, dataClass, subject))
    return decideRead(context, coordinate, dataClass, subject);
  const { caller } = context;
  if (caller && isOutsideRegion(caller, subject))
    return refuse(context, coordinate, subject.pin, forbidden(coordinate, 'Outside your region:'));
  if (!(await recipient.consented()))
    return refuse(context, coordinate, subject.pin, consentRequired(coordinate));
  context.access.served(coordinate, subject.pin);
  return true;
}

/** A partner institution the registry does not list as active writes nothing, whatever its role. */
export function decideInstitutionActive(
  context: JolContext,
  coordinate: string,
  pin: string | undefined,
  active: boolean,
): true | GraphQLError {
  if (active) return true;
  return refuse(
    context,
    coordinate,
    pin,
    forbidden(coordinate, 'Only an active partner institution may write'),
  );
}

/**
 * An operation refused before any field was reached (the gateway's refusal of a partner request
 * that is no registered operation), about the persons it named: a refusal of `coordinate`.
 */
export function recordRefusedOperation(
  context: JolContext,
  coordinate: string,
  pins: readonly string[],
): void {
  if (pins.length === 0) context.access.refused(coordinate);
  for (const pin of pins) context.access.refused(coordinate, pin);
}

/** A stored record of `pin` was corrected or voided: the audit keeps which, and why. */
export function recordRevision(context: JolContext, pin: string, revision: TrailRevision): void {
  context.access.revised(pin, revision);
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
    return refuse(context, coordinate, subject.pin, forbidden(coordinate));
  if (unrestricted && caller.region && !ownRecord && subject.homeRegion !== caller.region) {
    return refuse(context, coordinate, subject.pin, forbidden(coordinate, 'Outside your region:'));
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
    if (!partner || !ownCase)
      return refuse(context, coordinate, subject.pin, forbidden(coordinate));
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

/** The longest text of a search criterion the audit keeps; a longer one is cut and marked. */
const MAX_AUDITED_CRITERION = 100;

const clipCriterion = (value: string) =>
  value.length > MAX_AUDITED_CRITERION ? `${value.slice(0, MAX_AUDITED_CRITERION)}…` : value;

/**
 * A search for persons by name (PERSON_SEARCH): records what was asked whoever asks, then allows
 * a role that may search, reading the classes a search lists for the declared purpose, with reach
 * over any person. A region-scoped caller searching another region is refused; the returned
 * region is the one the search must be limited to (null when unlimited).
 */
export function decideSearch(
  context: JolContext,
  coordinate: string,
  search: TrailSearch,
): { region: string | null } | GraphQLError {
  context.access.searched({
    name: clipCriterion(search.name),
    birthDate: search.birthDate === null ? null : clipCriterion(search.birthDate),
    region: search.region === null ? null : clipCriterion(search.region),
  });
  const grant = grantsOf(
    context,
    coordinate,
    undefined,
    (p, role) =>
      (PERSON_SEARCH.roles as readonly string[]).includes(role) &&
      PERSON_SEARCH.reads.every((c) => p.reads.includes(c)) &&
      !p.ownRecordOnly &&
      !p.partnerCasesOnly,
  );
  if (grant instanceof GraphQLError) return grant;
  const asked = decideRegionAsked(context, coordinate, search.region);
  return asked === true ? { region: grant.caller.region ?? null } : asked;
}

/**
 * A list or search that names a region (`persons(filter: { region })`): a region-scoped caller
 * asking for another region is refused, rather than the argument rewritten; the resolver limits
 * what it lists to the caller's region through regionScopeOf.
 */
export function decideRegionAsked(
  context: JolContext,
  coordinate: string,
  askedRegion: string | null | undefined,
): true | GraphQLError {
  const region = context.caller?.region;
  if (region && askedRegion && askedRegion !== region)
    return refuse(context, coordinate, undefined, forbidden(coordinate, 'Outside your region:'));
  return true;
}

/**
 * Writes that place a person in a region (registering one): a region-scoped writer places persons
 * in their own region only, and a person already of another region is out of reach. `homeRegions`
 * are those the write involves: the one asked, and the stored one when the person exists.
 */
export function decideHomeRegions(
  context: JolContext,
  coordinate: string,
  pin: string,
  homeRegions: readonly (string | null | undefined)[],
): true | GraphQLError {
  const region = context.caller?.region;
  if (region === undefined || homeRegions.every((home) => home === region)) return true;
  return refuse(context, coordinate, pin, outsideYourRegion(coordinate));
}

/**
 * The persons a search listed: each is served the search's coordinate, so that the audit names
 * them and each sees in their access log that a search found them.
 */
export function recordSearchResults(
  context: JolContext,
  coordinate: string,
  pins: readonly string[],
): void {
  if (pins.length === 0) context.access.served(coordinate);
  for (const pin of pins) context.access.served(coordinate, pin);
  context.access.searchFound(pins);
}

/**
 * The persons a page of a list read (persons, a subscriber's deliveries): each is served the
 * list's coordinate, whatever the caller selected of them, so that the audit names them and each
 * sees the listing in their access log.
 * A page's cursors are its persons' PINs: `edges { cursor }` or `pageInfo { endCursor }` alone
 * disclose who is on it, and that they match the filter.
 */
export function recordListed(
  context: JolContext,
  coordinate: string,
  pins: Iterable<string>,
): void {
  for (const pin of pins) context.access.served(coordinate, pin);
}

/**
 * Reads of aggregates (indicators): only roles whose policy lists the aggregate class, for one of
 * their purposes. Aggregates name no person, so neither own-record nor region limits apply, and
 * the trail records the coordinate with no PIN. `requestKey` (the filter and breakdown asked) is
 * recorded as `Indicators(<key>)` when given, so that a series of queries differencing one another
 * can be reconstructed from the trail.
 */
export function decideAggregate(
  context: JolContext,
  coordinate: string,
  aggregateClass: AggregateClass,
  requestKey?: string,
): true | GraphQLError {
  const grant = grantsOf(
    context,
    coordinate,
    undefined,
    (p) => p.aggregates?.includes(aggregateClass) ?? false,
  );
  if (grant instanceof GraphQLError) return grant;
  context.access.served(coordinate);
  if (requestKey !== undefined) context.access.served(`Indicators(${requestKey})`);
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
        `${coordinate} has no data class in FILTER_CLASSES (its member's filterClasses, schema/src/members)`,
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

/**
 * Records an agency keeps by office (a post abroad): a caller whose token names an office reaches
 * that office's records only, as a region-scoped officer reaches the persons of their region.
 * `held` is the office holding the record the request names, or null when no record has the id
 * (refused alike, so that a refusal tells nothing of another office's records). A caller without
 * the claim reaches every office.
 */
export function decideOffice(
  context: JolContext,
  coordinate: string,
  pin: string | null | undefined,
  held: string | null,
): true | GraphQLError {
  const office = context.caller?.office;
  if (office === undefined || held === office) return true;
  return refuse(context, coordinate, pin, forbidden(coordinate, 'Outside your office:'));
}

/**
 * The office a caller's reads of office-kept records are limited to (the token's `office` claim),
 * null when unlimited: resolvers narrow what they list with it, as with regionScopeOf.
 */
export function officeScopeOf(context: JolContext): string | null {
  return context.caller?.office ?? null;
}

/**
 * Subscribing to change events (webhooks): every event asked for must be one the caller's role
 * reads the data class of for the declared purpose, under a grant that reaches any person, and the
 * caller must not be region- or office-scoped (an event names persons of every region and office).
 * Recorded as a write of the coordinate with no person.
 */
export function decideSubscribe(
  context: JolContext,
  coordinate: string,
  events: readonly ChangeEventType[],
): true | GraphQLError {
  // With no event asked for (a bad input the rule names), a caller who may hear of none is still
  // refused first.
  const asked = events.length > 0 ? events : CHANGE_EVENT_TYPES;
  const grant = grantsOf(context, coordinate, undefined, (p) =>
    asked.some((event) => hearsOf(p, event)),
  );
  if (grant instanceof GraphQLError) return grant;
  if (!events.every((event) => grant.granting.some(([, p]) => hearsOf(p, event))))
    return refuse(context, coordinate, undefined, forbidden(coordinate));
  const scoped = subscriptionScopeRefusal(grant.caller);
  if (scoped) return refuse(context, coordinate, undefined, forbidden(coordinate, scoped));
  context.access.wrote(coordinate);
  return true;
}

/**
 * Why a caller may not subscribe whatever its role: an event names persons of every region and
 * every office, so a caller held to one may not hear of them. Null when it is held to neither.
 */
function subscriptionScopeRefusal(caller: Caller): string | null {
  if (caller.region) return 'Region-scoped callers may not subscribe to events:';
  if (caller.office !== undefined) return 'Office-scoped callers may not subscribe to events:';
  return null;
}

/**
 * Whether a role's policy (narrowed to a purpose) lets its holder hear of an event; never of an
 * event the register no longer declares (a subscription may still name one).
 */
function hearsOf(policy: RolePolicy, event: ChangeEventType): boolean {
  const declared = CHANGE_EVENTS[event] as (typeof CHANGE_EVENTS)[ChangeEventType] | undefined;
  return (
    declared !== undefined &&
    policy.reads.includes(declared.dataClass) &&
    !policy.ownRecordOnly &&
    !policy.partnerCasesOnly
  );
}

/**
 * Whether a stored subscription still entitles its holder to hear of `event`: the same judgement
 * as decideSubscribe, made again at every delivery from the roles and purpose kept with the
 * subscription, so that narrowing the policy stops deliveries without touching the store.
 */
export function subscriptionEntitled(
  holder: { roles: readonly string[]; purpose: string; region: string | null },
  event: ChangeEventType,
): boolean {
  if (holder.region) return false;
  return policiesOf(holder.roles, holder.purpose).some(([, p]) => hearsOf(p, event));
}

/**
 * Managing subscriptions (listing them, their deliveries and dead letters, cancelling, replaying):
 * for a caller that may hear of at least one of the agency's events, as decideSubscribe judges it.
 * Each caller reaches only the subscriptions it made: resolvers narrow every query by
 * `subscriberOf`, so somebody else's subscription answers like one that does not exist. An
 * allowed read is recorded as served, an allowed change (cancel, replay) as a write; the PINs a
 * read hands out (deliveries name persons) are recorded with `recordListed`.
 */
export function decideSubscriptionManager(
  context: JolContext,
  coordinate: string,
  agencyEvents: readonly ChangeEventType[],
  kind: 'read' | 'write',
): true | GraphQLError {
  const grant = grantsOf(context, coordinate, undefined, (p) =>
    agencyEvents.some((event) => hearsOf(p, event)),
  );
  if (grant instanceof GraphQLError) return grant;
  const scoped = subscriptionScopeRefusal(grant.caller);
  if (scoped) return refuse(context, coordinate, undefined, forbidden(coordinate, scoped));
  if (kind === 'write') context.access.wrote(coordinate);
  else context.access.served(coordinate);
  return true;
}

/**
 * The events among `agencyEvents` a caller hears of now, for the declared purpose, as
 * decideSubscribe judges each (none for a region- or office-scoped caller). A delivery names a person and the
 * change made to them, a read of its event's data class: resolvers listing or replaying deliveries
 * narrow to these, so that a purpose that does not read the class is not shown deliveries of it,
 * whatever purpose the subscription was made under.
 */
export function eventsHeardBy(
  context: JolContext,
  agencyEvents: readonly ChangeEventType[],
): ChangeEventType[] {
  const { caller, purpose } = context;
  if (!caller || subscriptionScopeRefusal(caller)) return [];
  const granting = policiesOf(caller.roles, purpose);
  return agencyEvents.filter((event) => granting.some(([, p]) => hearsOf(p, event)));
}

/** Whose subscriptions a caller manages: its own (the token's `sub`); '' for nobody's. */
export function subscriberOf(context: JolContext): string {
  return context.caller?.sub ?? '';
}

/**
 * A partner institution's inbox (the change events of its own exchange): a role whose reads of a
 * partner-exchange class (PARTNER_EXCHANGE_CLASSES) are limited to its own institution's cases,
 * with a `partner` claim. The inbox names cases and documents, no person, so the trail records
 * the coordinate alone.
 */
export function decidePartnerInbox(
  context: JolContext,
  coordinate: string,
): { partner: string } | GraphQLError {
  const grant = grantsOf(
    context,
    coordinate,
    undefined,
    (p) => p.partnerCasesOnly === true && p.reads.some((c) => PARTNER_EXCHANGE_CLASSES.includes(c)),
  );
  if (grant instanceof GraphQLError) return grant;
  const partner = grant.caller.partner;
  if (!partner) return refuse(context, coordinate, undefined, forbidden(coordinate));
  context.access.served(coordinate);
  return { partner };
}
