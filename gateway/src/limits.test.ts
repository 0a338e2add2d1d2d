import { buildSchema, parse, validate } from 'graphql';
import { maxValueDepthRule, NoSubscriptionsRule, valueDepth } from './limits';

const schema = buildSchema(`
  scalar PIN
  type Query { person(pin: PIN): String }
  type Subscription { tick: String }
`);

const errorsOf = (query: string) =>
  validate(schema, parse(query), [maxValueDepthRule(3), NoSubscriptionsRule]).map((e) => e.message);

describe('query limits', () => {
  it('refuses argument values nested deeper than the limit, once per document', () => {
    expect(errorsOf('{ person(pin: [[["x"]]]) }')).toEqual([]);
    expect(errorsOf('{ person(pin: {a: {b: {c: 1}}}) }')).toEqual([]);
    expect(errorsOf('{ person(pin: [[[["x"]]]]) }')).toEqual([
      'Argument values may nest at most 3 lists or objects deep',
    ]);
    expect(errorsOf('{ person(pin: [{a: [{b: 1}]}]) }')).toHaveLength(1);
  });

  it('refuses a subscription as a validation error', () => {
    expect(errorsOf('subscription { tick }')).toEqual([
      'Subscriptions are not supported: send a query or a mutation',
    ]);
  });

  it('measures the depth of a JSON value without recursion', () => {
    expect(valueDepth('x')).toBe(0);
    expect(valueDepth({ a: [1, { b: 2 }] })).toBe(3);
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown;
    expect(valueDepth(deep)).toBe(100_000);
    expect(valueDepth(deep, 10)).toBe(11);
  });
});
