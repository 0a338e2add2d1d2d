import { GraphQLError } from 'graphql';
import { checkNotBefore } from './dates';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

function errorOf(fn: () => void): GraphQLError {
  try {
    fn();
  } catch (error) {
    return error as GraphQLError;
  }
  throw new Error('expected a GraphQLError');
}

describe('checkNotBefore', () => {
  it('accepts the same day and later', () => {
    expect(() =>
      checkNotBefore('on', day('2024-01-01'), 'diagnosedOn', day('2024-01-01')),
    ).not.toThrow();
    expect(() =>
      checkNotBefore('on', day('2024-02-01'), 'diagnosedOn', day('2024-01-01')),
    ).not.toThrow();
  });

  it('refuses an earlier date, naming both dates', () => {
    const error = errorOf(() =>
      checkNotBefore('on', day('2023-12-31'), 'diagnosedOn', day('2024-01-01')),
    );
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain('"2023-12-31"');
    expect(error.message).toContain('diagnosedOn (2024-01-01)');
  });
});
