import {
  CHANGE_EVENT_TYPES,
  CHANGE_EVENTS,
  PURPOSE_POLICY,
  ROLE_POLICY,
  WRITE_CLASSES,
  type Agency,
  type ChangeEventType,
  type DataClass,
  type Purpose,
  type RolePolicy,
} from '@jol/schema';
import { isPurpose, isRole } from './roles';

/**
 * Jol's access policy is written once as data, in the federation's register (../members): the
 * code's rules and the tests' expectations both read its tables. These are the questions the
 * rules ask of them.
 */

/**
 * A role's policy for one declared purpose: its reads, aggregates and submits narrowed to what the
 * purpose needs; null when the role may not declare the purpose (or the role is unknown). Every
 * decision goes through this one narrowing.
 */
export function policyFor(role: string, purpose: string | null): RolePolicy | null {
  const policy = (ROLE_POLICY as Record<string, RolePolicy | undefined>)[role];
  if (!policy || purpose === null || !isPurpose(purpose) || !policy.purposes.includes(purpose))
    return null;
  const needed = PURPOSE_POLICY[purpose];
  const narrowed: RolePolicy = {
    ...policy,
    reads: policy.reads.filter((c) => needed.reads.includes(c)),
    aggregates: (policy.aggregates ?? []).filter((c) => needed.aggregates?.includes(c) ?? false),
  };
  if (policy.submits) narrowed.submits = policy.submits.filter((c) => needed.writes.includes(c));
  return narrowed;
}

/**
 * Whether a caller with these roles acts for the institution its `partner` claim names: only a
 * role limited to its institution's cases does. Another role's stray claim names no one (the audit
 * must not tell a person that a foreign institution read what an officer read).
 */
export function actsForPartner(roles: readonly string[]): boolean {
  return roles.some(
    (role) => (ROLE_POLICY as Record<string, RolePolicy | undefined>)[role]?.partnerCasesOnly,
  );
}

/** Whether a declared purpose may change a class of data at all, whoever declares it. */
export function purposeWrites(purpose: string | null, dataClass: DataClass): boolean {
  return (
    purpose !== null && isPurpose(purpose) && PURPOSE_POLICY[purpose].writes.includes(dataClass)
  );
}

/**
 * Whether a declared purpose needs a class at all, whoever declares it: a person's consent lifts
 * a refusal of a consent-gated class only for a purpose that needs it.
 */
export function purposeNeeds(purpose: string | null, dataClass: DataClass): boolean {
  return (
    purpose !== null && isPurpose(purpose) && PURPOSE_POLICY[purpose].reads.includes(dataClass)
  );
}

/** The class a write changes (WRITE_CLASSES); a write without one is a programming error. */
export function writeClassOf(coordinate: string): DataClass {
  const dataClass = WRITE_CLASSES[coordinate];
  if (!dataClass)
    throw new Error(
      `${coordinate} has no data class in WRITE_CLASSES (its member's writeClasses, schema/src/members)`,
    );
  return dataClass;
}

/** The events an agency emits, in the register's order. */
export function changeEventsOf(agency: Agency): ChangeEventType[] {
  return CHANGE_EVENT_TYPES.filter((type) => CHANGE_EVENTS[type].agency === agency);
}

/**
 * The policy of a role named by a string; undefined for anything not a role, inherited property
 * names (`toString`) included, so a lookup never finds something that is not a policy.
 */
export function policyOf(role: string): RolePolicy | undefined {
  return isRole(role) ? ROLE_POLICY[role] : undefined;
}

export function purposeAllowed(roles: readonly string[], purpose: string): boolean {
  return roles.some((role) => policyOf(role)?.purposes.includes(purpose as Purpose) ?? false);
}
