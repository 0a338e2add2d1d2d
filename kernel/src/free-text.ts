import {
  defaultFieldResolver,
  getNullableType,
  isInputObjectType,
  isListType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { badUserInput } from './errors';

/**
 * C0 and C1 control characters (line breaks and tabs included: no Jol field keeps either), and the
 * marks, embeddings, overrides and isolates that reorder how text is displayed (U+061C, U+200E,
 * U+200F, U+202A-U+202E, U+2066-U+2069). Stored, they reach registers, exports and spreadsheets
 * where they hide or reorder what an officer reads.
 */
const CONTROL_CHARACTERS = /[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;

/** The contract a free-text value breaks when it holds one of CONTROL_CHARACTERS. */
export const FREE_TEXT_CONTRACT = 'must not contain control characters or bidirectional controls';

/** True when `text` holds a control character or a bidirectional control. */
export function hasControlCharacters(text: string): boolean {
  return CONTROL_CHARACTERS.test(text);
}

/** True when a String can be reached through `type`: itself, a list item, an input field. */
function reachesString(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return reachesString(nullable.ofType as GraphQLInputType, seen);
  if (isInputObjectType(nullable)) {
    if (seen.has(nullable.name)) return false;
    seen.add(nullable.name);
    return Object.values(nullable.getFields()).some((f) => reachesString(f.type, seen));
  }
  return nullable.name === 'String';
}

/**
 * Throws BAD_USER_INPUT at the first String in a coerced `value` of `type` that holds a control
 * character, named as the services name fields: input fields by their path, list items by index.
 * It follows the value, so a recursive input type is checked as deep as the value goes.
 */
function checkValue(type: GraphQLInputType, value: unknown, field: string): void {
  if (value === null || value === undefined) return;
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    const items = Array.isArray(value) ? value : [value];
    const item = nullable.ofType as GraphQLInputType;
    items.forEach((v, i) => checkValue(item, v, `${field}[${i}]`));
  } else if (isInputObjectType(nullable)) {
    const record = value as Record<string, unknown>;
    for (const f of Object.values(nullable.getFields())) {
      checkValue(f.type, record[f.name], field === '' ? f.name : `${field}.${f.name}`);
    }
  } else if (
    nullable.name === 'String' &&
    typeof value === 'string' &&
    hasControlCharacters(value)
  ) {
    throw badUserInput(field, value, FREE_TEXT_CONTRACT);
  }
}

/**
 * Checks a field's coerced arguments. An input object argument's fields are named by their own
 * path (`city`, `nameLatin.first`), as the services' own checks name them; other arguments by name.
 */
function checkArguments(args: readonly GraphQLArgument[], values: Record<string, unknown>): void {
  for (const arg of args) {
    const prefix = isInputObjectType(getNullableType(arg.type)) ? '' : arg.name;
    checkValue(arg.type, values[arg.name], prefix);
  }
}

/**
 * Makes every field of `schema` that takes a String (an argument, an input object field, a list
 * item, at any depth) refuse one holding a control character with BAD_USER_INPUT naming it, before
 * its resolver runs. Applied once where every subgraph schema is built, so that no new field can
 * forget it; a field's own rules (lengths, scripts) still run after it.
 */
export function guardFreeText(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const texts = field.args.filter((arg) => reachesString(arg.type));
      if (texts.length === 0) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        checkArguments(texts, args);
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
