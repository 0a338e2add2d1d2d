import { registerEnumType } from 'type-graphql';
import { badUserInput, formatIsoDate, today } from '@jol/kernel';

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

/** The time zone of each post: its officers date what happens there by its own calendar. */
const TIME_ZONES: Readonly<Record<Consulate, string>> = {
  RU_MOSCOW: 'Europe/Moscow',
  RU_SAINT_PETERSBURG: 'Europe/Moscow',
  RU_YEKATERINBURG: 'Asia/Yekaterinburg',
  RU_NOVOSIBIRSK: 'Asia/Novosibirsk',
  KZ_ASTANA: 'Asia/Almaty',
  KZ_ALMATY: 'Asia/Almaty',
  TR_ANKARA: 'Europe/Istanbul',
  TR_ISTANBUL: 'Europe/Istanbul',
  KR_SEOUL: 'Asia/Seoul',
  DE_BERLIN: 'Europe/Berlin',
  AE_DUBAI: 'Asia/Dubai',
  US_WASHINGTON: 'America/New_York',
};

/** Today's date at a post, at UTC midnight like every stored date. */
export function todayAt(consulate: Consulate, now = new Date()): Date {
  const day = new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONES[consulate],
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
  return new Date(`${day}T00:00:00.000Z`);
}

/**
 * Refuses a date after today, where today is the later of the Kyrgyz Republic's and the post's:
 * Seoul and Novosibirsk are ahead of Bishkek, and a detention there just after midnight happened
 * on a day Bishkek has not reached yet.
 */
export function checkNotInFutureAt(
  field: string,
  value: Date,
  consulate: Consulate,
  now = new Date(),
): void {
  const home = today(now);
  const post = todayAt(consulate, now);
  if (value > (post > home ? post : home))
    throw badUserInput(field, formatIsoDate(value), 'must not be in the future');
}
