import { Kind } from 'graphql';
import { isRegionCode, parseRegion, RegionScalar } from './region';

const CONTRACT =
  /region must be one of KG-B, KG-C, KG-J, KG-N, KG-O, KG-T, KG-Y, KG-GB, KG-GO; got/;

describe('Region', () => {
  it.each(['KG-B', 'KG-C', 'KG-J', 'KG-N', 'KG-O', 'KG-T', 'KG-Y', 'KG-GB', 'KG-GO'])(
    'accepts %s',
    (code) => {
      expect(parseRegion(code)).toBe(code);
      expect(isRegionCode(code)).toBe(true);
    },
  );
  it.each([
    'KG-X',
    'kg-b',
    'KG-b',
    'KG-B ',
    'KGB',
    'B',
    '',
    'toString',
    '__proto__',
    'constructor',
  ])('refuses %j', (code) => {
    expect(() => parseRegion(code)).toThrow(CONTRACT);
    expect(isRegionCode(code)).toBe(false);
  });
  it.each([7, null, undefined, { $ne: null }, ['KG-B']])('refuses the non-string %p', (value) => {
    expect(() => RegionScalar.parseValue(value)).toThrow(CONTRACT);
  });
  it('names the field it was given, with BAD_USER_INPUT', () => {
    expect(() => parseRegion('KG-X', 'homeRegion')).toThrow(
      expect.objectContaining({
        extensions: { code: 'BAD_USER_INPUT', field: 'homeRegion' },
      }),
    );
  });
  it('parses string literals only and serializes only codes', () => {
    expect(RegionScalar.parseLiteral({ kind: Kind.STRING, value: 'KG-GB' })).toBe('KG-GB');
    expect(() => RegionScalar.parseLiteral({ kind: Kind.ENUM, value: 'KG_GB' })).toThrow(CONTRACT);
    expect(RegionScalar.serialize('KG-O')).toBe('KG-O');
    expect(() => RegionScalar.serialize('Osh')).toThrow(CONTRACT);
  });
});
