import { GraphQLError } from 'graphql';
import {
  checkRecordScreeningInput,
  MAX_FACILITY_LENGTH,
  parseFacility,
  type RecordScreeningInput,
} from './screening.inputs';
import { ScreeningKind, ScreeningResult } from './screening.type';

const now = new Date('2024-06-15T12:00:00Z');

function errorOf(fn: () => unknown): GraphQLError {
  try {
    fn();
  } catch (error) {
    return error as GraphQLError;
  }
  throw new Error('expected a GraphQLError');
}

const input = (change: Partial<RecordScreeningInput> = {}): RecordScreeningInput => ({
  pin: '10503199012345',
  kind: ScreeningKind.TB,
  result: ScreeningResult.NEGATIVE,
  screenedOn: new Date('2024-06-01T00:00:00Z'),
  facility: 'Osh Regional TB Centre',
  ...change,
});

describe('parseFacility', () => {
  it('trims and keeps names of 1 to 150 characters, counting code points', () => {
    expect(parseFacility('  Batken FAP  ')).toBe('Batken FAP');
    expect(parseFacility('Б')).toBe('Б');
    expect(parseFacility('ы'.repeat(MAX_FACILITY_LENGTH))).toHaveLength(MAX_FACILITY_LENGTH);
    expect(parseFacility('🏥'.repeat(MAX_FACILITY_LENGTH))).toBe('🏥'.repeat(MAX_FACILITY_LENGTH));
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['151 characters', 'a'.repeat(MAX_FACILITY_LENGTH + 1)],
    ['a control character', 'Osh\u0000Centre'],
    ['a line break', 'Osh\nCentre'],
  ])('refuses %s with BAD_USER_INPUT naming the field', (_why, value) => {
    const error = errorOf(() => parseFacility(value));
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.field).toBe('facility');
    expect(error.message).toContain('1-150 characters');
  });
});

describe('checkRecordScreeningInput', () => {
  it('returns the values to store, facility trimmed', () => {
    expect(checkRecordScreeningInput(input({ facility: ' Naryn FMC ' }), now)).toEqual({
      pin: '10503199012345',
      kind: ScreeningKind.TB,
      result: ScreeningResult.NEGATIVE,
      screenedOn: new Date('2024-06-01T00:00:00Z'),
      facility: 'Naryn FMC',
    });
  });

  it('accepts a screening today and refuses one tomorrow', () => {
    expect(() =>
      checkRecordScreeningInput(input({ screenedOn: new Date('2024-06-15T00:00:00Z') }), now),
    ).not.toThrow();
    const error = errorOf(() =>
      checkRecordScreeningInput(input({ screenedOn: new Date('2024-06-16T00:00:00Z') }), now),
    );
    expect(error.extensions.field).toBe('screenedOn');
    expect(error.message).toContain('2024-06-16');
  });
});
