import { GraphQLError } from 'graphql';
import { checkRecordEmploymentInput, type RecordEmploymentInput } from './employment.inputs';
import { LabourSector, WorkPermitType } from './employment.type';

const NOW = new Date('2024-06-15T12:00:00Z');
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

const valid: RecordEmploymentInput = {
  pin: '10503199012345',
  country: 'RU',
  employer: ' OOO  Stroy ',
  sector: LabourSector.CONSTRUCTION,
  formal: false,
  permitType: WorkPermitType.PATENT,
  permitNumber: '77-1234567/24',
  from: day('2023-03-01'),
  to: null,
};

function errorOf(change: Partial<RecordEmploymentInput>): GraphQLError {
  try {
    checkRecordEmploymentInput({ ...valid, ...change }, NOW);
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error('expected a GraphQLError');
}

describe('checkRecordEmploymentInput', () => {
  it('returns the values to store: employer normalised, absent values null', () => {
    expect(checkRecordEmploymentInput({ ...valid, to: undefined }, NOW)).toEqual({
      ...valid,
      employer: 'OOO Stroy',
      to: null,
    });
  });

  it('accepts a closed period, a one-day job and a job ending today', () => {
    expect(() =>
      checkRecordEmploymentInput({ ...valid, to: day('2023-12-31') }, NOW),
    ).not.toThrow();
    expect(() => checkRecordEmploymentInput({ ...valid, to: valid.from }, NOW)).not.toThrow();
    expect(() =>
      checkRecordEmploymentInput({ ...valid, to: day('2024-06-15') }, NOW),
    ).not.toThrow();
  });

  it('accepts no permit number with permitType NONE, and Cyrillic letters in one', () => {
    expect(
      checkRecordEmploymentInput(
        { ...valid, permitType: WorkPermitType.NONE, permitNumber: null },
        NOW,
      ).permitNumber,
    ).toBeNull();
    expect(
      checkRecordEmploymentInput({ ...valid, permitNumber: 'РФ-77/0012' }, NOW).permitNumber,
    ).toBe('РФ-77/0012');
  });

  it.each<[string, Partial<RecordEmploymentInput>, string, string]>([
    ['work at home', { country: 'KG' }, 'country', '"KG"'],
    ['an empty employer', { employer: '   ' }, 'employer', '"   "'],
    ['a 201-character employer', { employer: 'E'.repeat(201) }, 'employer', 'EEEE'],
    [
      'a patent without number',
      { permitNumber: null },
      'permitNumber',
      'is required when permitType is PATENT',
    ],
    [
      'a work permit without number',
      { permitType: WorkPermitType.WORK_PERMIT, permitNumber: undefined },
      'permitNumber',
      'WORK_PERMIT',
    ],
    [
      'a number without permit',
      { permitType: WorkPermitType.NONE },
      'permitNumber',
      '"77-1234567/24"',
    ],
    ['a 3-character number', { permitNumber: 'A12' }, 'permitNumber', '"A12"'],
    ['a 31-character number', { permitNumber: '1'.repeat(31) }, 'permitNumber', '1111'],
    ['a space in the number', { permitNumber: '77 1234567' }, 'permitNumber', '"77 1234567"'],
    ['a start in the future', { from: day('2024-06-16') }, 'from', '"2024-06-16"'],
    ['an end in the future', { to: day('2024-06-16') }, 'to', '"2024-06-16"'],
    [
      'an end before the start',
      { to: day('2023-02-28') },
      'to',
      'must not be before from (2023-03-01); got "2023-02-28"',
    ],
  ])('refuses %s, naming the field and value', (_why, change, field, text) => {
    const error = errorOf(change);
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.field).toBe(field);
    expect(error.message).toContain(text);
  });
});
