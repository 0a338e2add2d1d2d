/**
 * What one request did with person-level data, field by field, as the access rules decided it: the
 * audit's only input. Decisions record through these four verbs and never touch the state.
 */
export interface AccessTrail {
  /** A field (or a person's lookup) was allowed and its data handed out, about `pin` if any. */
  served(coordinate: string, pin?: string | null): void;
  /** A field was refused, about `pin` if any; a refusal overrides an earlier `served` of the pair. */
  refused(coordinate: string, pin?: string | null): void;
  /**
   * A write was allowed to run; `failedWrites` later says whether it stored anything. Without a
   * `pin` (the person not yet known), the next decision of the coordinate about a person replaces it.
   */
  wrote(coordinate: string, pin?: string | null): void;
  /**
   * Writes that ran but stored nothing (the resolver answered with an error); `stored` names those
   * of them that another call in the same request (an alias) did store, which stay served too.
   */
  failedWrites(coordinates: Iterable<string>, stored?: Iterable<string>): void;
  /**
   * Writes that ran but were refused while running by an access check (a FORBIDDEN answer): they
   * count as refused, not failed; `stored` names those another call in the request did store.
   */
  refusedWrites(coordinates: Iterable<string>, stored?: Iterable<string>): void;
  /** A stored record of `pin` was corrected or voided, with the reason the officer gave. */
  revised(pin: string, revision: TrailRevision): void;
  /** A search for persons was asked, with its criteria as the caller gave them (clipped). */
  searched(search: TrailSearch): void;
  /** The persons the last search asked listed. */
  searchFound(pins: readonly string[]): void;
  summary(): TrailSummary;
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

/** What a search for persons asked (`Query.searchPersons`), as the audit keeps it. */
export interface TrailSearch {
  name: string;
  /** `YYYY-MM-DD`, or null when not asked. */
  birthDate: string | null;
  region: string | null;
  /** The PINs the search listed; absent when it listed none (refused, too broad, no match). */
  found?: string[];
}

/** Outcome of a request, from its fields: every field served, some, none, or a write that failed. */
export type AuditOutcome = 'ALLOWED' | 'PARTIAL' | 'DENIED' | 'FAILED';

export interface TrailSummary {
  /** Coordinates whose data was handed out for at least one person (or with no person). */
  served: string[];
  /** Coordinates refused for at least one person. */
  refused: string[];
  /** Writes that were allowed but stored nothing. */
  failed: string[];
  pins: string[];
  wrote: boolean;
  /** Records corrected or voided, in the order they were changed; empty for most requests. */
  revisions: TrailRevision[];
  /** Searches for persons asked, in order; empty for most requests. */
  searches: TrailSearch[];
  outcome: AuditOutcome;
}

type Decision = 'SERVED' | 'REFUSED';

export function createAccessTrail(): AccessTrail {
  // coordinate -> pin ('' for none) -> decision; a pair refused once stays refused.
  const decisions = new Map<string, Map<string, Decision>>();
  const writes = new Set<string>();
  const failed = new Set<string>();
  const partlyStored = new Set<string>();
  const pins = new Set<string>();
  const revisions: TrailRevision[] = [];
  const searches: TrailSearch[] = [];
  // Writes granted before their person was known (a record named by id): the grant is the first
  // step of one decision, which the decision about the person then replaces.
  const provisional = new Set<string>();

  const record = (coordinate: string, pin: string | null | undefined, decision: Decision) => {
    let byPin = decisions.get(coordinate);
    if (!byPin) decisions.set(coordinate, (byPin = new Map()));
    if (pin) pins.add(pin);
    if (pin && provisional.delete(coordinate) && byPin.get('') === 'SERVED') byPin.delete('');
    if (byPin.get(pin ?? '') !== 'REFUSED') byPin.set(pin ?? '', decision);
  };

  return {
    served: (coordinate, pin) => record(coordinate, pin, 'SERVED'),
    refused: (coordinate, pin) => record(coordinate, pin, 'REFUSED'),
    wrote(coordinate, pin) {
      record(coordinate, pin, 'SERVED');
      writes.add(coordinate);
      if (!pin) provisional.add(coordinate);
    },
    revised: (pin, revision) => {
      pins.add(pin);
      revisions.push(revision);
    },
    searched: (search) => {
      searches.push({ ...search });
    },
    searchFound: (found) => {
      const last = searches.at(-1);
      if (last && found.length > 0) last.found = [...(last.found ?? []), ...found];
    },
    refusedWrites(coordinates, stored = []) {
      const kept = new Set(stored);
      for (const coordinate of coordinates) {
        const byPin = decisions.get(coordinate);
        if (!writes.has(coordinate) || !byPin) continue;
        if (kept.has(coordinate)) byPin.set('', 'REFUSED');
        else for (const pin of byPin.keys()) byPin.set(pin, 'REFUSED');
      }
    },
    failedWrites(coordinates, stored = []) {
      for (const coordinate of coordinates) if (writes.has(coordinate)) failed.add(coordinate);
      for (const coordinate of stored) if (writes.has(coordinate)) partlyStored.add(coordinate);
    },
    summary() {
      const served: string[] = [];
      const refused: string[] = [];
      const failedList: string[] = [];
      for (const [coordinate, byPin] of decisions) {
        const values = [...byPin.values()];
        if (values.includes('REFUSED')) refused.push(coordinate);
        if (values.includes('SERVED')) {
          if (failed.has(coordinate)) failedList.push(coordinate);
          if (!failed.has(coordinate) || partlyStored.has(coordinate)) served.push(coordinate);
        }
      }
      return {
        served: served.sort(),
        refused: refused.sort(),
        failed: failedList.sort(),
        pins: [...pins].sort(),
        wrote: writes.size > 0,
        revisions: [...revisions],
        searches: [...searches],
        outcome: outcomeOf(served.length, refused.length, failedList.length),
      };
    },
  };
}

/** ALLOWED when all was served; PARTIAL when some was; FAILED or DENIED when nothing was. */
function outcomeOf(served: number, refused: number, failed: number): AuditOutcome {
  if (served > 0) return refused + failed > 0 ? 'PARTIAL' : 'ALLOWED';
  return failed > 0 ? 'FAILED' : refused > 0 ? 'DENIED' : 'ALLOWED';
}

/** Nothing was decided in this request (no person-level field asked for), so nothing is audited. */
export function isEmptyTrail(summary: TrailSummary): boolean {
  return (
    summary.served.length + summary.refused.length + summary.failed.length === 0 &&
    summary.searches.length === 0
  );
}
