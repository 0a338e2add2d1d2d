import { GraphQLError } from 'graphql';
import { checkNotBeforeBirth, checkNotInFuture, today } from './date';

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

describe('today (Asia/Bishkek, UTC+6)', () => {
  it('is the Bishkek day: 02:00 local on 16 June is 20:00 UTC on 15 June', () => {
    expect(today(new Date('2024-06-15T20:00:00Z'))).toEqual(day('2024-06-16'));
  });

  it('changes at Bishkek midnight, 18:00 UTC, not at UTC midnight', () => {
    expect(today(new Date('2024-06-15T17:59:59.999Z'))).toEqual(day('2024-06-15'));
    expect(today(new Date('2024-06-15T18:00:00Z'))).toEqual(day('2024-06-16'));
    expect(today(new Date('2024-06-16T00:30:00Z'))).toEqual(day('2024-06-16'));
  });

  it('has no daylight saving time: the same offset in January and July', () => {
    expect(today(new Date('2024-01-10T18:00:00Z'))).toEqual(day('2024-01-11'));
    expect(today(new Date('2024-07-10T18:00:00Z'))).toEqual(day('2024-07-11'));
  });
});

describe('checkNotInFuture', () => {
  it('accepts a departure registered at 02:00 Bishkek time on its own date', () => {
    const twoAmInBishkek = new Date('2025-07-29T20:00:00Z');
    expect(() => checkNotInFuture('departedOn', day('2025-07-30'), twoAmInBishkek)).not.toThrow();
  });

  it('refuses the next Bishkek day with BAD_USER_INPUT naming the field and date', () => {
    const error = errorOf(() =>
      checkNotInFuture('departedOn', day('2025-07-31'), new Date('2025-07-29T20:00:00Z')),
    );
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.field).toBe('departedOn');
    expect(error.message).toBe('departedOn must not be in the future; got "2025-07-31"');
  });

  it('refuses tomorrow late in the Bishkek evening', () => {
    const elevenPm = new Date('2024-06-15T17:00:00Z');
    expect(() => checkNotInFuture('from', day('2024-06-15'), elevenPm)).not.toThrow();
    expect(() => checkNotInFuture('from', day('2024-06-16'), elevenPm)).toThrow(GraphQLError);
  });
});

describe('checkNotBeforeBirth', () => {
  it('accepts the birth date and later, and anything when the birth date is unknown', () => {
    expect(() => checkNotBeforeBirth('from', day('1968-03-01'), day('1968-03-01'))).not.toThrow();
    expect(() => checkNotBeforeBirth('from', day('1990-01-01'), day('1968-03-01'))).not.toThrow();
    expect(() => checkNotBeforeBirth('from', day('1950-01-01'), null)).not.toThrow();
  });

  it('refuses a date before birth without naming the birth date', () => {
    const error = errorOf(() => checkNotBeforeBirth('from', day('1950-01-01'), day('1968-03-01')));
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.field).toBe('from');
    expect(error.message).toBe('from must not be before the person\'s birth; got "1950-01-01"');
    expect(error.message).not.toContain('1968');
  });
});
