import { GraphQLError } from 'graphql';
import { checkNotBefore, checkObjectId, normaliseText } from './checks';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Runs `fn` and returns the GraphQLError it throws, failing the test when it throws nothing. */
function errorOf(fn: () => unknown): GraphQLError {
  try {
    fn();
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error('expected a GraphQLError');
}

describe('checkNotBefore', () => {
  it('allows the same day and later', () => {
    expect(() => checkNotBefore('to', day('2024-01-01'), 'from', day('2024-01-01'))).not.toThrow();
    expect(() => checkNotBefore('to', day('2024-01-02'), 'from', day('2024-01-01'))).not.toThrow();
  });

  it('refuses an earlier day, naming both dates', () => {
    const error = errorOf(() => checkNotBefore('to', day('2023-12-31'), 'from', day('2024-01-01')));
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.message).toBe('to must not be before from (2024-01-01); got "2023-12-31"');
  });
});

describe('normaliseText', () => {
  it('trims and collapses whitespace', () => {
    expect(normaliseText('employer', '  OOO   "Stroy\tMontazh" ', 200)).toBe('OOO "Stroy Montazh"');
  });

  it('counts length after normalising', () => {
    expect(normaliseText('name', ` ${'a'.repeat(100)} `, 100)).toHaveLength(100);
    expect(errorOf(() => normaliseText('name', 'a'.repeat(101), 100)).extensions.code).toBe(
      'BAD_USER_INPUT',
    );
  });

  it.each([[''], ['   '], ['bad\u0000byte']])('refuses %j', (value) => {
    const error = errorOf(() => normaliseText('name', value, 100));
    expect(error.extensions.field).toBe('name');
    expect(error.message).toContain('1-100 characters');
  });
});

describe('checkObjectId', () => {
  it('accepts 24 hexadecimal digits and lower-cases them', () => {
    expect(checkObjectId('id', '65A1B2C3D4E5F60718293A4B')).toBe('65a1b2c3d4e5f60718293a4b');
  });

  it.each([['abc'], ['65a1b2c3d4e5f60718293a4g'], ['65a1b2c3d4e5f60718293a4b0'], ['twelve chars']])(
    'refuses %j',
    (value) => {
      const error = errorOf(() => checkObjectId('id', value));
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.message).toContain(JSON.stringify(value));
    },
  );
});
