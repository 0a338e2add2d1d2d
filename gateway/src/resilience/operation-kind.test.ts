import { isSafeToRetry } from './operation-kind';

describe('isSafeToRetry', () => {
  it.each([
    ['{ person(pin: "1") { pin } }', true],
    ['query Q($r: [_Any!]!) { _entities(representations: $r) { __typename } }', true],
    ['# mutation in a comment\nquery { a }', true],
    ['mutation { registerPerson(input: {}) { pin } }', false],
    ['fragment F on Q { a }\nmutation M { b }', false],
    ['subscription { a }', false],
    ['query A { a } query B { b }', false],
    ['not graphql {', false],
  ])('%j -> %s', (query, expected) => {
    expect(isSafeToRetry(query)).toBe(expected);
  });
});
