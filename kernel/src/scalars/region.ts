import { GraphQLScalarType, Kind } from 'graphql';
import { badUserInput } from '../errors';

/** The seven oblasts and two cities of the Kyrgyz Republic (ISO 3166-2:KG), 2015 populations. */
export const REGIONS = {
  'KG-B': { name: 'Batken', population2015: 480_700 },
  'KG-C': { name: 'Chuy', population2015: 870_300 },
  'KG-J': { name: 'Jalal-Abad', population2015: 1_122_400 },
  'KG-N': { name: 'Naryn', population2015: 264_900 },
  'KG-O': { name: 'Osh', population2015: 1_228_400 },
  'KG-T': { name: 'Talas', population2015: 247_200 },
  'KG-Y': { name: 'Issyk-Kul', population2015: 463_900 },
  'KG-GB': { name: 'Bishkek', population2015: 937_400 },
  'KG-GO': { name: 'Osh city', population2015: 270_300 },
} as const;
export type RegionCode = keyof typeof REGIONS;
export const REGION_CODES = Object.keys(REGIONS) as RegionCode[];

export function isRegionCode(value: unknown): value is RegionCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(REGIONS, value);
}

export function parseRegion(value: unknown, field = 'region'): RegionCode {
  if (!isRegionCode(value)) {
    throw badUserInput(field, value, `must be one of ${REGION_CODES.join(', ')}`);
  }
  return value;
}

export const RegionScalar = new GraphQLScalarType({
  name: 'Region',
  description: `Region of the Kyrgyz Republic, ISO 3166-2:KG: ${REGION_CODES.join(', ')}.`,
  serialize: (value) => parseRegion(value),
  parseValue: (value) => parseRegion(value),
  parseLiteral: (ast) => parseRegion(ast.kind === Kind.STRING ? ast.value : undefined),
});
