import { PURPOSES, ROLES, SERVICE_ROLES, type Purpose, type Role } from '@jol/schema';

/** Whether a role is one only Jol's own services hold (SERVICE_ROLES). */
export function isServiceRole(value: unknown): boolean {
  return typeof value === 'string' && (SERVICE_ROLES as readonly string[]).includes(value);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function isPurpose(value: unknown): value is Purpose {
  return typeof value === 'string' && (PURPOSES as readonly string[]).includes(value);
}
