import { GraphQLError } from 'graphql';
import { checkRecordSkillInput, type RecordSkillInput } from './skill.inputs';
import { SkillLevel } from './skill.type';

const NOW = new Date('2024-06-15T12:00:00Z');
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

const valid: RecordSkillInput = {
  pin: '10503199012345',
  name: '  Electric   welding ',
  level: SkillLevel.ADVANCED,
  certifiedBy: ' Osh Vocational Lyceum No. 7 ',
  certifiedOn: day('2024-06-15'),
};

function errorOf(change: Partial<RecordSkillInput>): GraphQLError {
  try {
    checkRecordSkillInput({ ...valid, ...change }, NOW);
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error('expected a GraphQLError');
}

describe('checkRecordSkillInput', () => {
  it('returns the values to store, text normalised', () => {
    expect(checkRecordSkillInput(valid, NOW)).toEqual({
      pin: valid.pin,
      name: 'Electric welding',
      level: SkillLevel.ADVANCED,
      certifiedBy: 'Osh Vocational Lyceum No. 7',
      certifiedOn: day('2024-06-15'),
    });
  });

  it('stores an uncertified skill with nulls', () => {
    const values = checkRecordSkillInput(
      { ...valid, certifiedBy: undefined, certifiedOn: undefined },
      NOW,
    );
    expect(values.certifiedBy).toBeNull();
    expect(values.certifiedOn).toBeNull();
  });

  it.each<[string, Partial<RecordSkillInput>, string, string]>([
    ['an empty name', { name: ' ' }, 'name', '" "'],
    ['a 101-character name', { name: 'n'.repeat(101) }, 'name', 'nnnn'],
    ['an empty certifier', { certifiedBy: '' }, 'certifiedBy', '""'],
    ['a 201-character certifier', { certifiedBy: 'c'.repeat(201) }, 'certifiedBy', 'cccc'],
    [
      'a certification in the future',
      { certifiedOn: day('2024-06-16') },
      'certifiedOn',
      '"2024-06-16"',
    ],
  ])('refuses %s, naming the field and value', (_why, change, field, text) => {
    const error = errorOf(change);
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.extensions.field).toBe(field);
    expect(error.message).toContain(text);
  });
});
