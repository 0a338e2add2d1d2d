/** What one request did with person-level data, as the access rules saw it; the audit's input. */
export interface AccessTrail {
  /** Schema coordinates read or written (`Person.episodes`, `Mutation.registerDeparture`). */
  fields: Set<string>;
  /** PINs of the persons touched. */
  pins: Set<string>;
  /** True once any rule refused something in this request. */
  denied: boolean;
  /** True when the request wrote. */
  wrote: boolean;
  /** Records the request corrected or voided, with the reason the officer gave. */
  revisions: TrailRevision[];
}

/** A correction or void of one stored record, as the audit keeps it. */
export interface TrailRevision {
  /** The record's API type (`InsurancePeriod`). */
  entity: string;
  id: string;
  /** The version superseded. */
  version: number;
  change: 'CORRECTED' | 'VOIDED';
  reason: string;
}

export function createAccessTrail(): AccessTrail {
  return { fields: new Set(), pins: new Set(), denied: false, wrote: false, revisions: [] };
}

export function isEmptyTrail(trail: AccessTrail): boolean {
  return trail.fields.size === 0 && !trail.denied;
}
