import { ApolloServer } from '@apollo/server';
import { buildSchema } from 'graphql';
import { oneMutationGuard } from './one-mutation';

describe('one mutation per request', () => {
  const writes: string[] = [];
  const server = new ApolloServer({
    schema: buildSchema(`
      type Query { ok: Boolean }
      type Mutation { depart(city: String): String, arrive(city: String): String }
    `),
    rootValue: {
      ok: () => true,
      depart: ({ city }: { city: string }) => {
        writes.push(`depart ${city}`);
        return city;
      },
      arrive: ({ city }: { city: string }) => {
        writes.push(`arrive ${city}`);
        return city;
      },
    },
    plugins: [oneMutationGuard()],
  });
  const run = async (query: string, variables?: Record<string, unknown>) => {
    const response = await server.executeOperation({ query, variables });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return { status: response.http.status, result: response.body.singleResult };
  };

  beforeAll(() => server.start());
  afterAll(() => server.stop());
  beforeEach(() => {
    writes.length = 0;
  });

  it.each([
    ['two aliases of one field', 'mutation { a: depart(city: "A") b: depart(city: "B") }', 'a, b'],
    ['two fields', 'mutation { depart(city: "A") arrive(city: "B") }', 'depart, arrive'],
    [
      'a second field in a fragment',
      'mutation { depart(city: "A") ...More } fragment More on Mutation { arrive(city: "B") }',
      'depart, arrive',
    ],
    [
      'a second field in an inline fragment',
      'mutation { depart(city: "A") ... on Mutation { b: depart(city: "B") } }',
      'depart, b',
    ],
  ])('refuses %s with a 400 before anything runs', async (_what, query, keys) => {
    const { status, result } = await run(query);
    expect(status).toBe(400);
    expect(result.data).toBeUndefined();
    expect(result.errors).toEqual([
      {
        message: `A mutation operation may select one mutation field, this one selects 2 (${keys}): send one mutation per request`,
        extensions: { code: 'BAD_USER_INPUT' },
      },
    ]);
    expect(writes).toEqual([]);
  });

  it.each([
    ['one field', 'mutation { depart(city: "A") }'],
    ['one field with __typename', 'mutation { __typename depart(city: "A") __typename }'],
    ['one field selected twice under one key', 'mutation { depart(city: "A") depart(city: "A") }'],
    [
      'a second field left out by @skip',
      'mutation ($x: Boolean!) { depart(city: "A") arrive(city: "B") @skip(if: $x) }',
    ],
  ])('runs %s', async (_what, query) => {
    const { status, result } = await run(query, { x: true });
    expect(result.errors).toBeUndefined();
    expect(status).toBeUndefined();
    expect(writes).toEqual(['depart A']);
  });

  it('lets queries select several fields', async () => {
    const { result } = await run('{ a: ok b: ok }');
    expect(result).toEqual({ data: { a: true, b: true } });
  });
});
