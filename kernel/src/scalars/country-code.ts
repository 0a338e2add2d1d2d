import { GraphQLScalarType, Kind } from 'graphql';
import countries from 'i18n-iso-countries';
import { badUserInput } from '../errors';

/** True for an officially assigned ISO 3166-1 alpha-2 code, upper case. */
export function isCountryCode(value: string): boolean {
  return /^[A-Z]{2}$/.test(value) && countries.isValid(value);
}

export function parseCountryCode(value: unknown, field = 'country'): string {
  if (typeof value !== 'string' || !isCountryCode(value)) {
    throw badUserInput(field, value, 'must be an ISO 3166-1 alpha-2 country code such as "RU"');
  }
  return value;
}

export const CountryCodeScalar = new GraphQLScalarType({
  name: 'CountryCode',
  description: 'ISO 3166-1 alpha-2 country code, upper case (RU, KZ, TR...).',
  serialize: (value) => parseCountryCode(value),
  parseValue: (value) => parseCountryCode(value),
  parseLiteral: (ast) => parseCountryCode(ast.kind === Kind.STRING ? ast.value : undefined),
});
