import { checkPageSize, decodeCursor, encodeCursor } from './pagination';

describe('cursors', () => {
  it('round-trips a key and refuses anything not made by encodeCursor', () => {
    expect(decodeCursor(encodeCursor('10503199012345'))).toBe('10503199012345');
    expect(() => decodeCursor('abc')).toThrow(/cursor returned by an earlier page/);
    expect(() => decodeCursor(Buffer.from('x:1').toString('base64url'))).toThrow();
  });
  it('bounds page sizes', () => {
    expect(checkPageSize(200)).toBe(200);
    expect(() => checkPageSize(0)).toThrow(/1 to 200/);
    expect(() => checkPageSize(201)).toThrow(/201/);
  });
});
