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
}

export function createAccessTrail(): AccessTrail {
  return { fields: new Set(), pins: new Set(), denied: false, wrote: false };
}

export function isEmptyTrail(trail: AccessTrail): boolean {
  return trail.fields.size === 0 && !trail.denied;
}
