import { type Change, CriticalityLevel, diff } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';

/** A breaking change the changelog declares: the inspector's message or the change's path. */
export interface Declaration {
  /** The text between backticks at the start of the changelog entry. */
  key: string;
  /** The entry's line, as written, for error messages. */
  line: string;
}

export interface ApiChangeReport {
  /** Breaking changes from the baseline that no declaration names. */
  undeclared: Change[];
  /** Declarations that name no breaking change between the baseline and the current schema. */
  stale: Declaration[];
  /** Breaking changes a declaration names. */
  declared: Change[];
  /** Changes that break no query but may change what a client sees (printed, allowed). */
  dangerous: Change[];
  /** Everything else: additions, descriptions. */
  safe: Change[];
}

function declares(declaration: Declaration, change: Change): boolean {
  return declaration.key === change.message || declaration.key === change.path;
}

/**
 * Diffs the released contract (baseline) with the current client-facing schema using
 * @graphql-inspector/core, and sorts its breaking changes into those the changelog declares and
 * those it does not. A declaration that names no breaking change is stale: the changelog must say
 * what changed, not what once did.
 */
export async function checkApiChanges(
  baselineSdl: string,
  currentSdl: string,
  declarations: Declaration[],
): Promise<ApiChangeReport> {
  const changes = await diff(buildSchema(baselineSdl), buildSchema(currentSdl));
  const breaking = changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking);
  return {
    undeclared: breaking.filter((c) => !declarations.some((d) => declares(d, c))),
    declared: breaking.filter((c) => declarations.some((d) => declares(d, c))),
    stale: declarations.filter((d) => !breaking.some((c) => declares(d, c))),
    dangerous: changes.filter((c) => c.criticality.level === CriticalityLevel.Dangerous),
    safe: changes.filter((c) => c.criticality.level === CriticalityLevel.NonBreaking),
  };
}

/** One line per change, as the check and the release print them. */
export function describeChange(change: Change): string {
  const reason = change.criticality.reason ? ` (${change.criticality.reason})` : '';
  return `${change.path ?? '(schema)'}: ${change.message}${reason}`;
}
