import { GraphQLError } from 'graphql';
import {
  checkEnrolInReintegrationInput,
  checkUpdateReintegrationStatusInput,
  isReintegrationTransition,
} from './reintegration.inputs';
import { ReintegrationProgramme, ReintegrationStatus } from './reintegration.type';

const NOW = new Date('2024-06-15T12:00:00Z');
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

function errorOf(fn: () => unknown): GraphQLError {
  try {
    fn();
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error('expected a GraphQLError');
}

describe('checkEnrolInReintegrationInput', () => {
  const input = {
    pin: '10503199012345',
    programme: ReintegrationProgramme.JOB_PLACEMENT,
    enrolledOn: day('2024-06-15'),
  };

  it('accepts an enrolment up to today', () => {
    expect(() => checkEnrolInReintegrationInput(input, NOW)).not.toThrow();
  });

  it('refuses an enrolment in the future', () => {
    const error = errorOf(() =>
      checkEnrolInReintegrationInput({ ...input, enrolledOn: day('2024-06-16') }, NOW),
    );
    expect(error.extensions.field).toBe('enrolledOn');
    expect(error.message).toContain('"2024-06-16"');
  });
});

describe('checkUpdateReintegrationStatusInput', () => {
  const input = {
    id: '65A1B2C3D4E5F60718293A4B',
    status: ReintegrationStatus.COMPLETED,
    on: day('2024-06-15'),
  };

  it('returns the id in lower case', () => {
    expect(checkUpdateReintegrationStatusInput(input, NOW)).toBe('65a1b2c3d4e5f60718293a4b');
  });

  it('refuses an id that is not an ObjectId', () => {
    const error = errorOf(() =>
      checkUpdateReintegrationStatusInput({ ...input, id: 'not-an-id' }, NOW),
    );
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.field).toBe('id');
    expect(error.message).toContain('"not-an-id"');
  });

  it('refuses a day in the future', () => {
    const error = errorOf(() =>
      checkUpdateReintegrationStatusInput({ ...input, on: day('2024-06-16') }, NOW),
    );
    expect(error.extensions.field).toBe('on');
  });
});

describe('isReintegrationTransition', () => {
  const { ENROLLED, COMPLETED, DROPPED_OUT } = ReintegrationStatus;

  it.each([
    [ENROLLED, COMPLETED, true],
    [ENROLLED, DROPPED_OUT, true],
    [ENROLLED, ENROLLED, false],
    [COMPLETED, COMPLETED, false],
    [COMPLETED, DROPPED_OUT, false],
    [COMPLETED, ENROLLED, false],
    [DROPPED_OUT, COMPLETED, false],
    [DROPPED_OUT, DROPPED_OUT, false],
    [DROPPED_OUT, ENROLLED, false],
  ])('%s -> %s is %s', (from, to, allowed) => {
    expect(isReintegrationTransition(from, to)).toBe(allowed);
  });
});
