import { buildSchema, graphql } from 'graphql';
import { describeValue } from './errors';
import { guardFreeText, hasControlCharacters } from './free-text';

describe('hasControlCharacters', () => {
  it.each([
    ['NUL', 'a\u0000b'],
    ['a line break', 'a\nb'],
    ['a tab', 'a\tb'],
    ['DEL', 'a\u007fb'],
    ['a C1 control', 'a\u0085b'],
    ['a right-to-left override', 'a\u202eb'],
    ['a left-to-right embedding', 'a\u202ab'],
    ['an isolate', 'a\u2066b'],
    ['a pop directional isolate', 'a\u2069b'],
    ['a right-to-left mark', 'a\u200fb'],
  ])('finds %s', (_what, text) => {
    expect(hasControlCharacters(text)).toBe(true);
  });

  it.each([['Osh'], ['Токтогулов'], ["O'Brien-Smith"], ['Zürich'], ['İstanbul'], ['€ 12']])(
    'passes %j',
    (text) => {
      expect(hasControlCharacters(text)).toBe(false);
    },
  );
});

describe('describeValue', () => {
  it('escapes control and bidirectional characters, so a message carries none', () => {
    const text = describeValue('X\u0000\u202eY\u0085\u2066');
    expect(text).toBe('"X\\u0000\\u202eY\\u0085\\u2066"');
    expect(hasControlCharacters(text)).toBe(false);
  });
});

describe('guardFreeText', () => {
  const calls: unknown[] = [];
  const schema = guardFreeText(
    buildSchema(`
      input Name { first: String! last: String tags: [String!] nested: Name }
      input Counted { count: Int! }
      type Query {
        search(text: String, names: [Name!], counted: Counted, n: Int): String
        plain: String
      }
    `),
  );
  const rootValue = {
    search: (args: unknown) => {
      calls.push(args);
      return 'ran';
    },
    plain: () => 'plain',
  };
  const run = (source: string, variableValues?: Record<string, unknown>) =>
    graphql({ schema, source, rootValue, variableValues });

  beforeEach(() => {
    calls.length = 0;
  });

  it.each([
    ['a String argument', { text: 'a\u202eb' }, 'text'],
    [
      'an input field in a list',
      { names: [{ first: 'Ok' }, { first: 'a\u0000b' }] },
      'names[1].first',
    ],
    ['a list item', { names: [{ first: 'Ok', tags: ['ok', 'x\u2067'] }] }, 'names[0].tags[1]'],
    [
      'a field of a nested input',
      { names: [{ first: 'Ok', nested: { first: 'Ok', last: 'a\nb' } }] },
      'names[0].nested.last',
    ],
  ])(
    'refuses %s from variables, naming it, before the resolver runs',
    async (_what, vars, field) => {
      const result = await run(
        'query ($text: String, $names: [Name!]) { search(text: $text, names: $names) }',
        vars,
      );
      expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field });
      expect(result.errors?.[0]?.message).toContain(
        'must not contain control characters or bidirectional controls',
      );
      expect(result.data).toEqual({ search: null });
      expect(calls).toEqual([]);
    },
  );

  it('refuses a String written as a literal in the document', async () => {
    const result = await run('{ search(names: [{ first: "a\\u202Eb" }]) }');
    expect(result.errors?.[0]?.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'names[0].first',
    });
    expect(calls).toEqual([]);
  });

  it('lets clean text, other scalars and fields without arguments through', async () => {
    const result = await run(
      '{ search(text: "Osh", names: [{ first: "Бакыт", tags: ["a"] }], counted: { count: 1 }, n: 2) plain }',
    );
    expect(result).toEqual({ data: { search: 'ran', plain: 'plain' } });
    expect(calls).toHaveLength(1);
  });
});
