import { GraphQLError } from 'graphql';
import { checkNotBefore, checkNotInFuture } from './dates';

const now = new Date('2024-06-15T23:30:00Z');
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

function errorOf(fn: () => void): GraphQLError {
  try {
    fn();
  } catch (error) {
    return error as GraphQLError;
  }
  throw new Error('expected a GraphQLError');
}

describe('checkNotInFuture', () => {
  it('accepts today and the past', () => {
    expect(() => checkNotInFuture('screenedOn', day('2024-06-15'), now)).not.toThrow();
    expect(() => checkNotInFuture('screenedOn', day('2001-01-01'), now)).not.toThrow();
  });

  it('refuses tomorrow with BAD_USER_INPUT naming the field and date', () => {
    const error = errorOf(() => checkNotInFuture('screenedOn', day('2024-06-16'), now));
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.field).toBe('screenedOn');
    expect(error.message).toContain('"2024-06-16"');
  });
});

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
