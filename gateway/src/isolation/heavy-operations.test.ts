import { buildSchema, Kind, parse } from 'graphql';
import { loadSupergraph } from '../supergraph';
import { HEAVY_ROOT_FIELDS, heavyFieldCount } from './heavy-operations';

const schema = buildSchema(`
  type Query {
    indicators(by: [String!]): Int!
    persons(first: Int! = 50): [Int!]!
    person(pin: String!): Int
  }
  type Mutation { indicators: Int }
`);

const count = (query: string, variables?: Record<string, unknown>, operationName?: string) =>
  heavyFieldCount(schema, parse(query), operationName, variables);

describe('heavyFieldCount', () => {
  it.each([
    ['{ person(pin: "1") }', 0],
    ['{ indicators }', 1],
    ['{ a: indicators b: indicators(by: ["REGION"]) person(pin: "1") }', 2],
    ['{ persons(first: 20) }', 0],
    ['{ persons(first: 21) }', 1],
    // The default page (50) is a long one.
    ['{ persons }', 1],
    ['{ ...F } fragment F on Query { indicators }', 1],
    ['{ ...F ...F } fragment F on Query { indicators }', 1],
    ['{ ... on Query { indicators x: indicators } }', 2],
    ['{ indicators @skip(if: true) }', 1],
    ['mutation { indicators }', 0],
  ])('%s counts %i', (query, expected) => {
    expect(count(query)).toBe(expected);
  });

  it('reads a page size from the variables, as execution will', () => {
    const query = 'query ($n: Int!) { persons(first: $n) }';
    expect(count(query, { n: 5 })).toBe(0);
    expect(count(query, { n: 200 })).toBe(1);
  });

  it('counts the operation named, not the document', () => {
    const document = 'query Light { person(pin: "1") } query Heavy { indicators }';
    expect(count(document, {}, 'Light')).toBe(0);
    expect(count(document, {}, 'Heavy')).toBe(1);
  });

  it('names root fields of the committed supergraph', () => {
    const query = parse(loadSupergraph()).definitions.find(
      (d) => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === 'Query',
    );
    const fields =
      query?.kind === Kind.OBJECT_TYPE_DEFINITION ? query.fields?.map((f) => f.name.value) : [];
    expect(fields).toEqual(expect.arrayContaining(Object.keys(HEAVY_ROOT_FIELDS)));
  });
});
