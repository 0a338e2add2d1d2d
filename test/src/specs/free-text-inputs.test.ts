import {
  getNullableType,
  GraphQLError,
  isInputObjectType,
  isListType,
  isObjectType,
  type GraphQLInputType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from 'graphql';
import { createConsularSchema } from '@jol/consular';
import { createHealthSchema } from '@jol/health';
import { createLabourSchema } from '@jol/labour';
import { createMigrationSchema } from '@jol/migration';
import { createPensionsSchema } from '@jol/pensions';
import { SUBGRAPHS } from '@jol/schema';

/** One String input of a field: the arguments that carry a bad value there, and its name. */
interface StringInput {
  coordinate: string;
  field: string;
  args: Record<string, unknown>;
}

const BAD = 'X\u0000\u202eY';

/**
 * Every place a String can be given under `type`, as the value that puts BAD there and the name
 * the refusal should give it; a recursive input type is followed once.
 */
function stringsUnder(
  type: GraphQLInputType,
  field: string,
  seen: ReadonlySet<string>,
): Array<{ value: unknown; field: string }> {
  const nullable = getNullableType(type);
  if (isListType(nullable)) {
    return stringsUnder(nullable.ofType as GraphQLInputType, `${field}[0]`, seen).map((s) => ({
      value: [s.value],
      field: s.field,
    }));
  }
  if (isInputObjectType(nullable)) {
    if (seen.has(nullable.name)) return [];
    const inner = new Set(seen).add(nullable.name);
    return Object.values(nullable.getFields()).flatMap((f) =>
      stringsUnder(f.type, field === '' ? f.name : `${field}.${f.name}`, inner).map((s) => ({
        value: { [f.name]: s.value },
        field: s.field,
      })),
    );
  }
  return nullable.name === 'String' ? [{ value: BAD, field }] : [];
}

function stringInputsOf(schema: GraphQLSchema): StringInput[] {
  return Object.values(schema.getTypeMap()).flatMap((type) => {
    if (!isObjectType(type) || type.name.startsWith('__')) return [];
    return Object.values(type.getFields()).flatMap((f) =>
      f.args.flatMap((arg) => {
        const prefix = isInputObjectType(getNullableType(arg.type)) ? '' : arg.name;
        return stringsUnder(arg.type, prefix, new Set()).map((s) => ({
          coordinate: `${type.name}.${f.name}(${arg.name})`,
          field: s.field,
          args: { [arg.name]: s.value },
        }));
      }),
    );
  });
}

/** Calls the resolver as the executor would, with only the bad value; returns what it threw. */
function refusalOf(schema: GraphQLSchema, input: StringInput): unknown {
  const [typeName, fieldName] = input.coordinate.split(/[.(]/);
  const type = schema.getType(typeName!);
  if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
  const field = type.getFields()[fieldName!]!;
  try {
    // The resolver must refuse before it touches its context: an empty one would fail otherwise.
    const result: unknown = field.resolve?.(undefined, input.args, {}, {} as GraphQLResolveInfo);
    Promise.resolve(result).catch(() => undefined);
    return result;
  } catch (error) {
    return error;
  }
}

/** Each subgraph's schema by its name in the register; a member missing here fails the walk. */
const SCHEMAS: Record<string, () => Promise<GraphQLSchema>> = {
  migration: createMigrationSchema,
  labour: createLabourSchema,
  health: createHealthSchema,
  pensions: createPensionsSchema,
  consular: createConsularSchema,
};

describe.each(SUBGRAPHS.map(({ name }) => [name]))(
  'every String input of the %s subgraph',
  (name) => {
    let schema: GraphQLSchema;
    let inputs: StringInput[];
    beforeAll(async () => {
      const createSchema = SCHEMAS[name];
      if (!createSchema) throw new Error(`${name} is in the register but not in SCHEMAS`);
      schema = await createSchema();
      inputs = stringInputsOf(schema);
    });

    it('refuses control and bidirectional characters with BAD_USER_INPUT naming the field', () => {
      expect(inputs.length).toBeGreaterThan(0);
      const unguarded = inputs.filter((input) => {
        const refusal = refusalOf(schema, input);
        return !(
          refusal instanceof GraphQLError &&
          refusal.extensions.code === 'BAD_USER_INPUT' &&
          refusal.extensions.field === input.field &&
          refusal.message.includes('must not contain control characters')
        );
      });
      expect(unguarded.map((i) => `${i.coordinate} ${i.field}`)).toEqual([]);
    });
  },
);

describe('the String inputs walked', () => {
  it('include the free text the review found stored: a city, a reason, refusal reasons', async () => {
    const walked = [
      ...stringInputsOf(await createMigrationSchema()),
      ...stringInputsOf(await createPensionsSchema()),
      ...stringInputsOf(await createConsularSchema()),
    ].map((i) => `${i.coordinate} ${i.field}`);
    expect(walked).toEqual(
      expect.arrayContaining([
        'Mutation.registerDeparture(input) city',
        'Mutation.registerPerson(input) nameLatin.first',
        'Mutation.invalidatePensionExchangeDocument(input) reason',
        'Mutation.recordPensionDecision(input) refusalReasons[0]',
        'Mutation.voidPensionContribution(reason) reason',
        'Query.searchPersons(name) name',
        'Mutation.registerConsularRegistration(input) addressCity',
      ]),
    );
  });
});
