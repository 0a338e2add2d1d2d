import { isObjectType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { applyMiddleware, type IMiddleware } from 'graphql-middleware';
import { allow, deny, rule, shield } from 'graphql-shield';
import type { IRules } from 'graphql-shield/typings/types';
import type { JolContext } from '../context';
import { decideHistory, decideRead, decideSubmit, decideWrite, type Subject } from './decide';
import { decideSubjectScope } from './write-scope';
import { forbidden } from './errors';
import { FIELD_CLASSES, type Agency, type DataClass } from '@jol/schema';

export { allow, deny };
export type AccessRules = IRules;

export function coordinateOf(info: GraphQLResolveInfo): string {
  return `${info.parentType.name}.${info.fieldName}`;
}

/** The data class the policy table gives a coordinate; a missing entry is a programming error. */
export function dataClassOf(coordinate: string): DataClass {
  const dataClass = FIELD_CLASSES[coordinate];
  if (!dataClass)
    throw new Error(
      `${coordinate} has no data class in FIELD_CLASSES (its member's fieldClasses, schema/src/members)`,
    );
  return dataClass;
}

/** Reads the subject of a field from its parent: a stored record or an entity representation. */
const subjectFromParent = (parent: unknown): Subject => {
  const p = (parent ?? {}) as { pin?: string; homeRegion?: string };
  return { pin: p.pin, homeRegion: p.homeRegion };
};

/**
 * A read rule for a field the policy table lists: the field's data class decides, for the person
 * that `subjectOf` names (by default the parent's `pin` and `homeRegion`).
 */
export function readRule<TParent = unknown, TArgs = unknown>(
  coordinate: string,
  subjectOf: (
    parent: TParent,
    args: TArgs,
    context: JolContext,
  ) => Subject | Promise<Subject> = subjectFromParent,
) {
  const dataClass = dataClassOf(coordinate);
  return rule(`read:${coordinate}`, { cache: 'no_cache' })(
    async (parent: TParent, args: TArgs, context: JolContext) =>
      decideRead(context, coordinate, dataClass, await subjectOf(parent, args, context)),
  );
}

/**
 * The rule of a correctable record's `versions` (see decideHistory), for the record's person and,
 * when the record carries it, home region.
 */
export function historyRule(coordinate: string) {
  const dataClass = dataClassOf(coordinate);
  return rule(`read:${coordinate}`, { cache: 'no_cache' })(
    async (parent: unknown, _args: unknown, context: JolContext) => {
      const p = (parent ?? {}) as { pin?: string; homeRegion?: string };
      const subject: Subject = {
        pin: p.pin,
        ...(p.homeRegion ? { homeRegion: p.homeRegion } : {}),
      };
      return decideHistory(context, coordinate, dataClass, subject);
    },
  );
}

/**
 * Every correctable record type of the schema (one with `versions` and `superseded`, see
 * VersionedRecord) gets historyRule on `versions`, whatever its entity's rules say of the type:
 * the kernel owns the decision, so that a new correctable entity cannot leave its history open.
 * Its coordinate must be classified in the register, else the subgraph does not start.
 */
function withHistoryRules(schema: GraphQLSchema, merged: IRules): IRules {
  const rules = merged as Record<string, unknown>;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type)) continue;
    const fields = type.getFields();
    if (!fields.versions || !fields.superseded) continue;
    const declared = rules[type.name];
    const map: Record<string, unknown> = isPlainObject(declared)
      ? { ...declared }
      : declared === undefined
        ? {}
        : { '*': declared };
    if ('versions' in map)
      throw new Error(
        `${type.name}.versions is decided by the kernel (historyRule), not by a rule`,
      );
    map.versions = historyRule(`${type.name}.versions`);
    rules[type.name] = map;
  }
  return rules as IRules;
}

/**
 * A write rule: the caller must be an officer of the agency, for one of the role's purposes, and
 * the person the write names must be in their reach (region, existence) before anything reads the
 * agency's records about them. `pinOf` names the person: the input's `pin` by default; for a write
 * that names a record by id, the record's PIN, or null when no record has the id.
 */
export function writeRule<TArgs = { input?: { pin?: unknown } }>(
  agency: Agency,
  pinOf?: (args: TArgs, context: JolContext) => string | null | Promise<string | null>,
) {
  return rule({ cache: 'no_cache' })(async (_parent, args: TArgs, context: JolContext, info) => {
    const coordinate = coordinateOf(info);
    const input = (args as { input?: { pin?: unknown } })?.input?.pin;
    const named = typeof input === 'string' ? input : null;
    // With a `pinOf`, the person is the stored record's: a PIN in the input (a correction's
    // values) names nobody the write is about, so the grant waits for the record's person.
    const granted = decideWrite(
      context,
      coordinate,
      agency,
      pinOf ? undefined : (named ?? undefined),
    );
    if (granted !== true) return granted;
    if (!pinOf) return decideSubjectScope(context, coordinate, named);
    const pin = await pinOf(args, context);
    if (pin) context.access.wrote(coordinate, pin);
    return decideSubjectScope(context, coordinate, pin);
  });
}

/**
 * A rule for an exchange message a partner institution submits: the coordinate's data class must
 * be one the caller's role `submits`, about the case (and person) that `subjectOf` names.
 */
export function submitRule<TArgs = unknown>(
  subjectOf: (args: TArgs, context: JolContext) => Subject | Promise<Subject>,
) {
  return rule({ cache: 'no_cache' })(async (_parent, args: TArgs, context: JolContext, info) => {
    const coordinate = coordinateOf(info);
    return decideSubmit(
      context,
      coordinate,
      dataClassOf(coordinate),
      await subjectOf(args, context),
    );
  });
}

/** The federation fields every subgraph must answer for the gateway. */
const FEDERATION_RULES: IRules = {
  Query: { _service: allow, _entities: allow },
  _Service: allow,
};

/**
 * Applies graphql-shield with a deny-by-default fallback: a field without a rule is refused. Rule
 * maps come from the service's `*.rules.ts` files; `masks` are field middlewares that replace a
 * value rather than refuse it (a child's PIN shown as null).
 */
export function applyAccessRules(
  schema: GraphQLSchema,
  rules: IRules[],
  masks: IMiddleware[] = [],
): GraphQLSchema {
  const merged = withHistoryRules(
    schema,
    withoutAbsentAllowedTypes(schema, mergeRuleMaps([FEDERATION_RULES, ...rules])),
  );
  const permissions = shield(merged, {
    fallbackRule: deny,
    allowExternalErrors: true,
    fallbackError: async (_thrown, _parent, _args, _context, info) => forbidden(coordinateOf(info)),
  });
  return applyMiddleware(schema, permissions, ...masks);
}

/**
 * Drops type-wide `allow`s for types the schema lacks (the kernel's Supersession in a subgraph that
 * keeps no record versions), which graphql-shield refuses: such a rule grants nothing, and a
 * misspelt one leaves the real type denied. Any other rule for an absent type is still refused.
 */
function withoutAbsentAllowedTypes(schema: GraphQLSchema, rules: IRules): IRules {
  return Object.fromEntries(
    Object.entries(rules as Record<string, unknown>).filter(
      ([type, rule]) => rule !== allow || schema.getType(type) !== undefined,
    ),
  ) as IRules;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/** Merges per-entity rule maps by type; a field given two rules is a programming error. */
export function mergeRuleMaps(maps: IRules[]): IRules {
  const merged: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [type, rules] of Object.entries(map as Record<string, unknown>)) {
      const existing = merged[type];
      if (existing === undefined) {
        merged[type] = isPlainObject(rules) ? { ...rules } : rules;
        continue;
      }
      if (!isPlainObject(existing) || !isPlainObject(rules))
        throw new Error(`${type} has a type-wide rule and another rule`);
      for (const [field, fieldRule] of Object.entries(rules)) {
        if (field in existing) throw new Error(`${type}.${field} has two rules`);
        existing[field] = fieldRule;
      }
    }
  }
  return merged as IRules;
}
