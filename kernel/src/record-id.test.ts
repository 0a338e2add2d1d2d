import { isRecordId } from './record-id';

describe('isRecordId', () => {
  it.each(['0123456789abcdef01234567', '0123456789ABCDEF01234567'])('takes %s', (id) => {
    expect(isRecordId(id)).toBe(true);
  });
  it.each([
    ['23 digits', '0123456789abcdef0123456'],
    ['25 digits', '0123456789abcdef012345678'],
    ['a non-hex letter', '0123456789abcdef0123456g'],
    ['a number', 123],
    ['an object', { $ne: null }],
    ['null', null],
  ])('refuses %s', (_case, id) => {
    expect(isRecordId(id)).toBe(false);
  });
});
