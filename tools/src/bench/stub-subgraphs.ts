import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import {
  execute,
  getNamedType,
  isAbstractType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  parse,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { REPO_ROOT } from '../store/secantus';

/**
 * Stand-ins for the four agencies with their committed schemas and made-up, deterministic data,
 * for measuring a gateway alone: they check nothing and answer every distinct request body once
 * from its execution and then from memory, so that nearly all the CPU of a run is the gateway's.
 * A list is as long as its `first` argument (at most 100) or 3; the i-th person of a list has one
 * of `DISTINCT_PERSONS` PINs, so entity representations repeat as they do in real graphs (the
 * same employer, product or author under many parents).
 */
export const DISTINCT_PERSONS = 20;

/** A PIN-shaped value for person i. */
function pinOf(i: number): string {
  return `1010119${String(8000000 + (i % DISTINCT_PERSONS)).padStart(7, '0')}`;
}

/** A made-up object: its index in its list, and the length its lists have (a `first` above). */
type Mock = Record<string, unknown> & { __i?: number; __n?: number };

function mockValue(type: GraphQLOutputType, field: string, i: number, length: number): unknown {
  if (isNonNullType(type)) return mockValue(type.ofType, field, i, length);
  if (isListType(type))
    return Array.from({ length }, (_, j) => mockValue(type.ofType, field, j, length));
  if (isEnumType(type)) return type.getValues()[i % type.getValues().length]!.value;
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
        return i;
      case 'Float':
        return i + 0.5;
      case 'Boolean':
        return i % 2 === 0;
      case 'PIN':
        return pinOf(i);
      case 'Date':
        return `2024-0${(i % 9) + 1}-1${i % 10}`;
      case 'CountryCode':
        return ['RU', 'KZ', 'TR'][i % 3];
      case 'Region':
        return 'KG-B';
      default:
        return `${field}-${i}`;
    }
  }
  return { __i: i, __n: length } satisfies Mock;
}

/** Every field resolves to its parent's value when it has one, else to a made-up one. */
function mockResolvers(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isAbstractType(type)) {
      const first = schema.getPossibleTypes(type)[0];
      type.resolveType = (value: { __typename?: string } | null) =>
        value?.__typename ?? first?.name;
      continue;
    }
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (type === schema.getQueryType() && field.name.startsWith('_')) continue;
      if (field.name === '_entities' || field.name === '_service') continue;
      field.resolve = (parent: Mock | undefined, args: { first?: unknown }) => {
        if (parent && field.name in parent && parent[field.name] !== undefined)
          return parent[field.name];
        const length =
          typeof args.first === 'number'
            ? Math.max(0, Math.min(100, args.first))
            : (parent?.__n ?? 3);
        const named = getNamedType(field.type);
        if (named.name === 'Person' && parent?.pin === undefined && isListType(field.type))
          return Array.from({ length }, (_, j) => ({ pin: pinOf(j) }));
        // Lists below an entity (a person's records) stay short.
        return mockValue(field.type, field.name, parent?.__i ?? 0, parent?.pin ? 3 : length);
      };
    }
  }
}

function stubSchema(name: string): GraphQLSchema {
  const sdl = readFileSync(join(REPO_ROOT, 'services', name, 'schema.graphql'), 'utf8');
  const schema = buildSubgraphSchema({ typeDefs: parse(sdl) });
  mockResolvers(schema);
  return schema;
}

/** One stub subgraph on 127.0.0.1 at a free port; resolves with its URL. */
export async function startStubSubgraph(name: string): Promise<{ url: string; server: Server }> {
  const schema = stubSchema(name);
  const answers = new Map<string, string>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', async () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let answer = answers.get(body);
      if (answer === undefined) {
        const { query, variables } = JSON.parse(body) as {
          query: string;
          variables?: Record<string, unknown>;
        };
        const result = await execute({ schema, document: parse(query), variableValues: variables });
        answer = JSON.stringify(result);
        if (answers.size < 10_000) answers.set(body, answer);
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('stub has no port');
  return { url: `http://127.0.0.1:${address.port}/graphql`, server };
}
