import { isIin, isSnils, isTckn, normalizeForeignId } from './exchange-case.foreign-id';

describe('foreign identifiers', () => {
  it('checks a SNILS by its check number, 100 and 101 giving 00', () => {
    expect(isSnils('11223344595')).toBe(true);
    expect(isSnils('98765432183')).toBe(true);
    expect(isSnils('11223344596')).toBe(false);
    expect(isSnils('1122334459')).toBe(false);
    // 1*7 + 1*4 + 9*3 + 9*2 + 8*1 = 64
    expect(isSnils('00100199864')).toBe(true);
    // 9*9 + 1*8 + 1*7 + 1*5 = 101, which gives 00.
    expect(isSnils('91101000000')).toBe(true);
    expect(isSnils('91101000001')).toBe(false);
  });

  it('checks an IIN by its check digit, with the second weights when the first give 10', () => {
    expect(isIin('900101300007')).toBe(true);
    expect(isIin('900101300008')).toBe(false);
    expect(isIin('90010130000')).toBe(false);
  });

  it('checks a T.C. Kimlik No by its two check digits, refusing a leading 0', () => {
    expect(isTckn('10000000146')).toBe(true);
    expect(isTckn('10000000147')).toBe(false);
    expect(isTckn('00000000146')).toBe(false);
  });

  it('normalizes a written SNILS to its digits and names a bad value in the error', () => {
    expect(normalizeForeignId('SNILS', '112-233-445 95')).toBe('11223344595');
    expect(() => normalizeForeignId('SNILS', '112-233-445 96')).toThrow(
      /foreignId must be a SNILS.*"112-233-445 96"/,
    );
    expect(() => normalizeForeignId('IIN', '12345')).toThrow(/IIN/);
  });

  it('accepts letters, digits and dashes for kinds it has no check for', () => {
    expect(normalizeForeignId('NPS', 'AB-123')).toBe('AB-123');
    expect(() => normalizeForeignId('NPS', 'AB 123')).toThrow(/letters, digits or dashes/);
  });
});
