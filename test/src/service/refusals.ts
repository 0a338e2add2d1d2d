import { ROLE_POLICY, type Role } from '@jol/schema';
import type { SubgraphServer } from '@jol/kernel';
import {
  anonymous,
  callerAs,
  callerWithPurpose,
  execute,
  type ExecuteAs,
  type ExecuteResult,
  type TestSubgraph,
} from './subgraph';

export type RefusalCode = 'FORBIDDEN' | 'UNAUTHENTICATED';

/** Who is refused, the code they get, and who they are. */
export type RefusalCase = [who: string, code: RefusalCode, as: ExecuteAs];

/** An `_entities` read of one field for one representation, as the gateway sends it. */
export interface EntityFieldRead {
  /** An `_entities` query selecting the field on the entity. */
  query: string;
  /** The one representation sent. */
  representation: Record<string, unknown>;
  /** The field under test: refused, it answers null at `['_entities', 0, field]`. */
  field: string;
  /** The other fields the query selects on the entity, as they answer. @default {} */
  alongside?: Record<string, unknown>;
}

/** `a health officer` for `HEALTH_OFFICER`. */
function describeRole(role: Role): string {
  const words = role.toLowerCase().replace(/_/g, ' ');
  return /^[aeiou]/.test(words) ? `an ${words}` : `a ${words}`;
}

/**
 * The callers every classified Person field refuses whatever its agency: an analyst, a partner
 * institution, the data subject of another PIN, the field's own officer of another region or
 * declaring a purpose not theirs, and an anonymous caller. Each test adds the field's own.
 */
export function outsidersOf(
  officer: Role,
  options: { otherPin: string; otherRegion: string; foreignPurpose: string; partner?: string },
): RefusalCase[] {
  const { otherPin, otherRegion, foreignPurpose, partner } = options;
  return [
    ['an analyst', 'FORBIDDEN', callerAs('ANALYST')],
    ['a partner institution', 'FORBIDDEN', callerAs('PARTNER', partner ? { partner } : {})],
    ['the data subject of another PIN', 'FORBIDDEN', callerAs('DATA_SUBJECT', { pin: otherPin })],
    [
      `${describeRole(officer)} of another region`,
      'FORBIDDEN',
      callerAs(officer, { region: otherRegion }),
    ],
    [
      `${describeRole(officer)} declaring a purpose not theirs`,
      'FORBIDDEN',
      callerWithPurpose(officer, foreignPurpose),
    ],
    ['an anonymous caller', 'UNAUTHENTICATED', anonymous],
  ];
}

/** The officers of every agency but the given officer's, refused whatever they ask of it. */
export function officersOtherThan(officer: Role): RefusalCase[] {
  return (Object.keys(ROLE_POLICY) as Role[])
    .filter((role) => role !== officer && ROLE_POLICY[role].writes !== null)
    .map((role) => [describeRole(role), 'FORBIDDEN', callerAs(role)]);
}

/**
 * One test per case proving that `_entities` is no side door: the caller gets the field null and
 * exactly one error, with the case's code, at the field's path.
 */
export function itRefusesEntityField<L, M>(
  subgraph: TestSubgraph<SubgraphServer<L, M>>,
  read: EntityFieldRead,
  cases: RefusalCase[],
): void {
  const { query, representation, field, alongside = {} } = read;
  it.each(cases)(`_entities refuses ${field} to %s with %s`, async (_who, code, as) => {
    const result = await execute(subgraph.server, query, { reps: [representation] }, as);
    expect(result.data?._entities).toEqual([{ ...alongside, [field]: null }]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(result.errors?.[0]?.path).toEqual(['_entities', 0, field]);
  });
}

/** One test per case proving that `_entities` gives the caller the field, with this value. */
export function itGivesEntityField<L, M>(
  subgraph: TestSubgraph<SubgraphServer<L, M>>,
  read: EntityFieldRead,
  value: unknown,
  cases: [who: string, as: ExecuteAs][],
): void {
  const { query, representation, field, alongside = {} } = read;
  it.each(cases)(`_entities gives ${field} to %s`, async (_who, as) => {
    const result = await execute(subgraph.server, query, { reps: [representation] }, as);
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([{ ...alongside, [field]: value }]);
  });
}

/** A mutation under test, and what it must leave unchanged when refused. */
export interface RefusedWrite {
  /** The mutation field, for the test titles. */
  name: string;
  mutation: string;
  /** The variables, or a function computing them when each test runs. */
  variables: Record<string, unknown> | (() => Promise<Record<string, unknown>>);
  /** A snapshot of what the mutation would write to: equal before and after a refusal. */
  state: () => Promise<unknown>;
}

/** One test per case proving that the caller is refused the mutation and nothing is written. */
export function itRefusesWrite<L, M>(
  subgraph: TestSubgraph<SubgraphServer<L, M>>,
  write: RefusedWrite,
  cases: RefusalCase[],
): void {
  it.each(cases)(`refuses ${write.name} to %s with %s, writing nothing`, async (_who, code, as) => {
    const variables =
      typeof write.variables === 'function' ? await write.variables() : write.variables;
    const before = await write.state();
    const result = await execute(subgraph.server, write.mutation, variables, as);
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(result.data ?? null).toBeNull();
    expect(await write.state()).toEqual(before);
  });
}

/**
 * One test proving that an officer scoped to the home region of `read.representation` is refused
 * the field when the representation carries no home region: the rule cannot tell where they are.
 */
export function itRefusesWithoutHomeRegion<L, M>(
  subgraph: TestSubgraph<SubgraphServer<L, M>>,
  read: EntityFieldRead,
  officer: Role,
): void {
  const { homeRegion, ...withoutRegion } = read.representation;
  if (typeof homeRegion !== 'string') throw new Error('read.representation carries no homeRegion');
  itRefusesEntityField(subgraph, { ...read, representation: withoutRegion }, [
    [
      `${describeRole(officer)} of the home region when the representation carries none`,
      'FORBIDDEN',
      callerAs(officer, { region: homeRegion }),
    ],
  ]);
}

/** Runs an operation under the request id given and returns its result and the audit it wrote. */
export async function executeAudited<L, M>(
  subgraph: TestSubgraph<SubgraphServer<L, M>>,
  requestId: string,
  query: string,
  variables: Record<string, unknown>,
  as: ExecuteAs = {},
): Promise<{ result: ExecuteResult; events: Record<string, unknown>[] }> {
  const result = await execute(subgraph.server, query, variables, {
    ...as,
    headers: { 'x-request-id': requestId },
  });
  return { result, events: await subgraph.auditOf(requestId) };
}

/** A kind of correctable record, as its service tests drive it. */
