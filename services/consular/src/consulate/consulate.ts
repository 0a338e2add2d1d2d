import { registerEnumType } from 'type-graphql';

/**
 * The Kyrgyz Republic's consular posts abroad where its migrants live (the destinations of
 * DOMAIN.md), each named by the country it serves and its city: the country of a registration or
 * a case follows from the post, so the two can never disagree.
 */
export enum Consulate {
  RU_MOSCOW = 'RU_MOSCOW',
  RU_SAINT_PETERSBURG = 'RU_SAINT_PETERSBURG',
  RU_YEKATERINBURG = 'RU_YEKATERINBURG',
  RU_NOVOSIBIRSK = 'RU_NOVOSIBIRSK',
  KZ_ASTANA = 'KZ_ASTANA',
  KZ_ALMATY = 'KZ_ALMATY',
  TR_ANKARA = 'TR_ANKARA',
  TR_ISTANBUL = 'TR_ISTANBUL',
  KR_SEOUL = 'KR_SEOUL',
  DE_BERLIN = 'DE_BERLIN',
  AE_DUBAI = 'AE_DUBAI',
  US_WASHINGTON = 'US_WASHINGTON',
}
registerEnumType(Consulate, {
  name: 'Consulate',
  description:
    'A consular post abroad: the ISO 3166-1 code of the country it serves, then its city.',
});

export const CONSULATES: readonly Consulate[] = Object.values(Consulate);

/** The country a post serves: the ISO 3166-1 alpha-2 code its name starts with. */
export function countryOfConsulate(consulate: Consulate): string {
  return consulate.slice(0, 2);
}

/** The posts serving a country, in the enum's order (the first is the embassy). */
export function consulatesIn(country: string): Consulate[] {
  return CONSULATES.filter((consulate) => countryOfConsulate(consulate) === country);
}

export function isConsulate(value: unknown): value is Consulate {
  return typeof value === 'string' && (CONSULATES as readonly string[]).includes(value);
}
