import { GraphQLError } from 'graphql';
import { checkCorrectionReason } from './reason';

describe('checkCorrectionReason', () => {
  it('keeps a reason trimmed, its inner whitespace collapsed', () => {
    expect(checkCorrectionReason('  Dates keyed in\n wrongly  ')).toBe('Dates keyed in wrongly');
    expect(checkCorrectionReason('abc')).toBe('abc');
    expect(checkCorrectionReason('ы'.repeat(500))).toHaveLength(500);
  });

  it.each([
    ['empty', ''],
    ['blank', ' \t\n '],
    ['two characters', 'ab'],
    ['501 characters', 'ы'.repeat(501)],
    ['a control character', 'dates\u0007wrong'],
    ['not a string', { $ne: null }],
  ])('refuses a reason that is %s with BAD_USER_INPUT on reason', (_why, reason) => {
    let error: unknown;
    try {
      checkCorrectionReason(reason);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(GraphQLError);
    expect((error as GraphQLError).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect((error as GraphQLError).message).toMatch(
      /^reason must be 3-500 characters|^reason must be a string/,
    );
  });
});
