/**
 * The files of a new agency's subgraph, as text: one entity folder (`record`) with its type,
 * model, loader, resolver, rules and service test, the person stub, the access log, and the
 * agency's member file for the register. Everything is named after the agency (see namesOf).
 */

export interface AgencyNames {
  /** The subgraph's name and folder: `tourism`. */
  name: string;
  /** `Tourism`, for classes. */
  pascal: string;
  /** `TOURISM`, for the role and the purpose. */
  upper: string;
  /** The agency's full title: `Ministry of Tourism`. */
  title: string;
  port: number;
  role: string;
  purpose: string;
  /** The data class of the agency's records. */
  dataClass: string;
  /** The Person field listing them. */
  field: string;
  /** The record type: `TourismRecord`. */
  type: string;
}

/** Every name a new agency's files use, from its subgraph name (lower-case letters and digits). */
export function namesOf(name: string, title: string, port: number): AgencyNames {
  const pascal = name[0]!.toUpperCase() + name.slice(1);
  const upper = name.toUpperCase();
  return {
    name,
    pascal,
    upper,
    title,
    port,
    role: `${upper}_OFFICER`,
    purpose: `${upper}_SERVICES`,
    dataClass: `${name}Records`,
    field: `${name}Records`,
    type: `${pascal}Record`,
  };
}

/** The service's files, by path relative to `services/<name>/`. */
export function serviceFiles(n: AgencyNames): Record<string, string> {
  return {
    'package.json': `${JSON.stringify(
      {
        name: `@jol/${n.name}`,
        version: '0.1.0',
        private: true,
        main: 'dist/index.js',
        types: 'dist/index.d.ts',
        scripts: { 'emit-schema': 'node dist/emit-schema.js' },
        dependencies: { '@jol/kernel': '0.1.0', '@jol/schema': '0.1.0' },
      },
      null,
      2,
    )}\n`,
    'tsconfig.json': `{
  "extends": "../../tsconfig.json",
  "compilerOptions": { "rootDir": "src", "outDir": "dist", "tsBuildInfoFile": "dist/.tsbuildinfo" },
  "include": ["src"],
  "exclude": ["src/**/*.test.ts", "src/**/*.spec.ts"],
  "references": [{ "path": "../../schema" }, { "path": "../../kernel" }]
}
`,
    'src/main.ts': `import { exitOnStartFailure, startTracing } from '@jol/kernel/tracing';

async function main() {
  // First: tracing instruments express, graphql, http and the MongoDB driver as they are loaded.
  const tracing = startTracing('${n.name}');
  const { runSubgraph } = await import('@jol/kernel');
  const { ${n.name}Program } = await import('./program');
  await runSubgraph({ ...${n.name}Program, tracing });
}

main().catch(exitOnStartFailure);
`,
    'src/program.ts': `import type { SubgraphProgram } from '@jol/kernel';
import { create${n.pascal}Server, DEFAULT_PORT, SERVICE_NAME } from './server';

/** How the ${n.name} subgraph starts, in its process (\`main.ts\`) and in the in-process system. */
export const ${n.name}Program: SubgraphProgram = {
  name: SERVICE_NAME,
  defaultPort: DEFAULT_PORT,
  createServer: create${n.pascal}Server,
};
`,
    'src/server.ts': `import type { Connection } from 'mongoose';
import { createSubgraphServer, type Logger, type SubgraphAccessOptions } from '@jol/kernel';
import { ${n.name}Subgraph } from './schema';

export const SERVICE_NAME = '${n.name}';
export const DEFAULT_PORT = ${n.port};

export interface ${n.pascal}ServerOptions {
  connection: Connection;
  log: Logger;
  access: SubgraphAccessOptions;
}

/** The ${n.title} subgraph, ready to listen. */
export async function create${n.pascal}Server({ connection, log, access }: ${n.pascal}ServerOptions) {
  return createSubgraphServer({
    name: SERVICE_NAME,
    schema: await ${n.name}Subgraph.createSchema(),
    rules: ${n.name}Subgraph.rules,
    masks: ${n.name}Subgraph.masks,
    connection,
    models: ${n.name}Subgraph.createModels(connection),
    createLoaders: ${n.name}Subgraph.createLoaders,
    log,
    access,
    changeEvents: ${n.name}Subgraph.changeEvents,
  });
}
`,
    'src/schema.ts': `import { defineSubgraph } from '@jol/kernel';
import { accessLogEntity } from './access-log/access-log.entity';
import { personEntity } from './person/person.type';
import { recordEntity } from './record/record.entity';

/**
 * The ${n.name} subgraph, entity by entity: its schema, rules, models and loaders are gathered from
 * this list. Reads enter through the migration subgraph's person(pin) and Person.accessLog.
 */
export const ${n.name}Subgraph = defineSubgraph({
  name: '${n.name}',
  entities: [personEntity, recordEntity, accessLogEntity],
});

/** The ${n.name} subgraph's schema, without any permissions applied. */
export function create${n.pascal}Schema() {
  return ${n.name}Subgraph.createSchema();
}
`,
    'src/context.ts': `import type { JolContext } from '@jol/kernel';
import { ${n.name}Subgraph } from './schema';

/** The ${n.name} service's models, bound to its own database. */
export const create${n.pascal}Models = ${n.name}Subgraph.createModels;
export type ${n.pascal}Models = ReturnType<typeof create${n.pascal}Models>;

/** One set per request: loaders cache for the request's lifetime only. */
export const create${n.pascal}Loaders = ${n.name}Subgraph.createLoaders;
export type ${n.pascal}Loaders = ReturnType<typeof create${n.pascal}Loaders>;

export type ${n.pascal}Context = JolContext<${n.pascal}Loaders, ${n.pascal}Models>;
`,
    'src/index.ts': `export * from './context';
export * from './schema';
export * from './server';
export * from './program';
export type { ${n.type}Data } from './record/record.model';
`,
    'src/emit-schema.ts': `import { emitSubgraphSchema } from '@jol/kernel';
import { create${n.pascal}Schema } from './schema';

emitSubgraphSchema(create${n.pascal}Schema, \`\${__dirname}/../schema.graphql\`);
`,
    'src/person/person.type.ts': `import { createPersonStub } from '@jol/kernel';

/** The person as the ${n.title} sees it: the key, and the home region its fields require. */
export const personEntity = createPersonStub();
export const Person = personEntity.type;
export type Person = InstanceType<typeof Person>;
`,
    'src/access-log/access-log.entity.ts': `import {
  accessLogReference,
  accessLogValueTypeRules,
  allow,
  createAccessLogResolver,
  defineEntity,
  PersonAccessLog,
  readRule,
} from '@jol/kernel';

/** The ${n.name} service's reads and writes of a person, as \`PersonAccessLog.${n.name}\`. */
export const accessLogEntity = defineEntity({
  resolvers: [createAccessLogResolver('${n.name}')],
  types: [PersonAccessLog],
  referenceResolvers: accessLogReference,
  rules: [
    {
      PersonAccessLog: { pin: allow, ${n.name}: readRule('PersonAccessLog.${n.name}') },
      ...accessLogValueTypeRules,
    },
  ],
});
`,
    'src/record/record.type.ts': `import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateScalar, PinScalar } from '@jol/kernel';

@ObjectType({ description: 'A record the ${n.title} keeps about a person.' })
export class ${n.type} {
  @Field(() => ID)
  id!: string;

  @Field(() => PinScalar)
  pin!: string;

  @Field(() => DateScalar)
  recordedOn!: Date;

  @Field(() => String)
  note!: string;
}

@InputType()
export class Record${n.type}Input {
  @Field(() => PinScalar)
  pin!: string;

  @Field(() => DateScalar)
  recordedOn!: Date;

  @Field(() => String, { description: 'At most 200 characters besides spaces.' })
  note!: string;
}
`,
    'src/record/record.model.ts': `import { Schema, type Connection, type Model, type Types } from 'mongoose';
import type { ${n.type} } from './record.type';

export interface ${n.type}Data {
  _id: Types.ObjectId;
  pin: string;
  recordedOn: Date;
  note: string;
}

const schema = new Schema<${n.type}Data>(
  {
    pin: { type: String, required: true },
    recordedOn: { type: Date, required: true },
    note: { type: String, required: true },
  },
  { timestamps: true, collection: '${n.name}_records' },
);
// A person's records, newest first.
schema.index({ pin: 1, recordedOn: -1 });

export type ${n.type}Model = Model<${n.type}Data>;

export function create${n.type}Model(connection: Connection): ${n.type}Model {
  return connection.model<${n.type}Data>('${n.type}', schema);
}

export function to${n.type}(record: ${n.type}Data): ${n.type} {
  return {
    id: record._id.toHexString(),
    pin: record.pin,
    recordedOn: record.recordedOn,
    note: record.note,
  };
}
`,
    'src/record/record.loader.ts': `import { createManyByKeyLoader } from '@jol/kernel';
import type { ${n.type}Data, ${n.type}Model } from './record.model';

/** Each PIN's records, newest first, one query per batch. */
export function create${n.type}sByPinLoader(records: ${n.type}Model) {
  return createManyByKeyLoader<${n.type}Data>(
    (pins) =>
      records
        .find({ pin: { $in: [...pins] } })
        .sort({ pin: 1, recordedOn: -1, _id: -1 })
        .lean<${n.type}Data[]>(),
    (record) => record.pin,
  );
}
`,
    'src/record/record.resolver.ts': `import { Arg, Ctx, Directive, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { badUserInput, checkDatesNotBeforeBirth, checkNotInFuture } from '@jol/kernel';
import type { ${n.pascal}Context } from '../context';
import { Person } from '../person/person.type';
import { to${n.type} } from './record.model';
import { ${n.type}, Record${n.type}Input } from './record.type';

const MAX_NOTE_LENGTH = 200;

@Resolver(() => Person)
export class Person${n.type}sResolver {
  @Directive('@requires(fields: "homeRegion")')
  @FieldResolver(() => [${n.type}], { nullable: true, description: 'Newest first.' })
  async ${n.field}(@Root() person: Person, @Ctx() ctx: ${n.pascal}Context): Promise<${n.type}[]> {
    return (await ctx.loaders.${n.name}RecordsByPin.load(person.pin)).map(to${n.type});
  }
}

@Resolver(() => ${n.type})
export class ${n.type}Resolver {
  @Mutation(() => ${n.type}, { description: 'Records a fact about a person.' })
  async record${n.type}(
    @Arg('input', () => Record${n.type}Input) input: Record${n.type}Input,
    @Ctx() ctx: ${n.pascal}Context,
  ): Promise<${n.type}> {
    checkNotInFuture('recordedOn', input.recordedOn);
    const note = input.note.trim();
    if (note.length === 0 || note.length > MAX_NOTE_LENGTH)
      throw badUserInput('note', input.note, \`must hold 1 to \${MAX_NOTE_LENGTH} characters\`);
    await checkDatesNotBeforeBirth(ctx, input.pin, { recordedOn: input.recordedOn });
    const created = await ctx.models.${n.type}.create({
      pin: input.pin,
      recordedOn: input.recordedOn,
      note,
    });
    return to${n.type}(created.toObject());
  }
}
`,
    'src/record/record.rules.ts': `import { allow, readRule, writeRule, type AccessRules } from '@jol/kernel';

export const recordRules: AccessRules = {
  Person: { ${n.field}: readRule('Person.${n.field}') },
  ${n.type}: allow,
  Mutation: { record${n.type}: writeRule('${n.name}') },
};
`,
    'src/record/record.entity.ts': `import { defineEntity } from '@jol/kernel';
import { create${n.type}sByPinLoader } from './record.loader';
import { create${n.type}Model, type ${n.type}Model } from './record.model';
import { ${n.type}Resolver, Person${n.type}sResolver } from './record.resolver';
import { recordRules } from './record.rules';

/** The agency's records about a person. */
export const recordEntity = defineEntity({
  resolvers: [Person${n.type}sResolver, ${n.type}Resolver],
  rules: [recordRules],
  models: (connection) => ({ ${n.type}: create${n.type}Model(connection) }),
  loaders: (models: { ${n.type}: ${n.type}Model }) => ({
    ${n.name}RecordsByPin: create${n.type}sByPinLoader(models.${n.type}),
  }),
});
`,
    'src/record/record.service.test.ts': `import {
  anonymous,
  callerAs,
  execute,
  itGivesEntityField,
  itRefusesEntityField,
  itRefusesWrite,
  officersOtherThan,
  outsidersOf,
  useTestSubgraph,
} from '@jol/testkit/service';
import { create${n.pascal}Server } from '../server';

const RECORD = /* GraphQL */ \`
  mutation ($input: Record${n.type}Input!) { record${n.type}(input: $input) { id pin recordedOn note } }
\`;
const ENTITIES = /* GraphQL */ \`
  query ($reps: [_Any!]!) { _entities(representations: $reps) { ... on Person { pin ${n.field} { recordedOn note } } } }
\`;

describe('${n.name}: records', () => {
  const subgraph = useTestSubgraph('${n.name}', create${n.pascal}Server);
  const records = () => subgraph.connection.collection('${n.name}_records');
  const pin = '10404198600044';
  const rep = { __typename: 'Person', pin, homeRegion: 'KG-J' };
  const read = { query: ENTITIES, representation: rep, field: '${n.field}', alongside: { pin } };

  beforeAll(async () => {
    const result = await execute(subgraph.server, RECORD, {
      input: { pin, recordedOn: '2024-02-02', note: ' Seen at the desk ' },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.record${n.type}).toMatchObject({ pin, recordedOn: '2024-02-02', note: 'Seen at the desk' });
  });

  it('refuses an empty note and a future day with BAD_USER_INPUT, writing nothing', async () => {
    for (const change of [{ note: '  ' }, { recordedOn: '2999-01-01' }]) {
      const result = await execute(subgraph.server, RECORD, {
        input: { pin: '10505198500055', recordedOn: '2024-01-01', note: 'x', ...change },
      });
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(await records().countDocuments({ pin: '10505198500055' })).toBe(0);
  });

  itGivesEntityField(subgraph, read, [{ recordedOn: '2024-02-02', note: 'Seen at the desk' }], [
    ['an officer of the agency', callerAs('${n.role}')],
    ['the data subject', callerAs('DATA_SUBJECT', { pin })],
  ]);
  itRefusesEntityField(subgraph, read, [
    ...outsidersOf('${n.role}', { otherPin: '20101199099999', otherRegion: 'KG-B', foreignPurpose: 'STATISTICS' }),
    ...officersOtherThan('${n.role}'),
  ]);
  itRefusesWrite(
    subgraph,
    {
      name: 'record${n.type}',
      mutation: RECORD,
      variables: { input: { pin: '10505198500055', recordedOn: '2024-01-01', note: 'x' } },
      state: () => records().countDocuments(),
    },
    [...officersOtherThan('${n.role}'), ['an anonymous caller', 'UNAUTHENTICATED', anonymous]],
  );
});
`,
  };
}

/** The agency's file in the federation register: \`schema/src/members/<name>.ts\`. */
export function memberFile(n: AgencyNames): string {
  return `import type {
  ChangeEventDeclaration,
  DataClassDeclaration,
  FederationReadsDeclaration,
  PurposePolicy,
  RolePolicy,
  SubgraphDeclaration,
} from './declaration';
import type { DataClass, Role } from './index';

/** The ${n.title}. */
export const subgraph = {
  name: '${n.name}',
  agency: '${n.title.replace(/'/g, "\\'")}',
  port: ${n.port},
} as const satisfies SubgraphDeclaration;

export const dataClasses = {
  ${n.dataClass}: { description: 'Records the ${n.title.replace(/'/g, "\\'")} keeps about a person' },
} as const satisfies Record<string, DataClassDeclaration>;

export const purposes = {
  ${n.purpose}: {
    why: "The agency's casework: who the person is, and its own records.",
    writes: ['${n.dataClass}'],
    reads: ['identity', 'residence', '${n.dataClass}'],
  },
} as const satisfies Record<string, PurposePolicy>;

export const roles = {
  ${n.role}: {
    purposes: ['${n.purpose}'],
    reads: ['identity', 'residence', '${n.dataClass}'],
    writes: '${n.name}',
  },
} as const satisfies Record<string, RolePolicy>;

export const fieldClasses = {
  'Person.${n.field}': '${n.dataClass}',
} as const satisfies Record<string, DataClass>;

export const writeClasses = {
  'Mutation.record${n.type}': '${n.dataClass}',
} as const satisfies Record<string, DataClass>;

export const filterClasses = {} as const satisfies Record<string, DataClass>;

export const changeEvents = {} as const satisfies Record<string, ChangeEventDeclaration>;

/** The person reads their own records. */
export const federationReads = {
  subject: ['${n.dataClass}'],
} as const satisfies FederationReadsDeclaration;

export const searchRoles = [] as const satisfies readonly Role[];
export const introspectionRoles = ['${n.role}'] as const satisfies readonly Role[];
`;
}
