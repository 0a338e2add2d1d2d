import {
  AssistanceCaseStatus,
  AssistanceType,
  Consulate,
  consulatesIn,
  countryOfConsulate,
  type AssistanceCaseRecord,
  type ConsularRegistrationRecord,
} from '@jol/consular';
import { dateOf } from './days';
import { Random, WeightedTable } from './random';

/**
 * The consular service's records of one person, drawn from their stays abroad so that every
 * registration and case falls inside a stay, in its country: no public per-country figures were
 * found (DOMAIN.md), so the shares below are assumptions, chosen only to give every consulate and
 * type some cases in a seed of a few thousand persons.
 */

/** A stay abroad as the migration record has it (days since the epoch). */
export interface ConsularStay {
  departedOn: number;
  /** Null while the person is still abroad (only the last stay may be open). */
  returnedOn: number | null;
  country: string;
  city: string | null;
}

/** Assumption: a fifth of stays of three months or more are registered with a consulate. */
export const REGISTERED_STAY_SHARE = 0.2;
const MIN_REGISTERED_STAY_DAYS = 90;
/** Assumption: 3 assistance cases a year per 100 persons abroad, at most one per stay. */
export const CASES_PER_YEAR_ABROAD = 0.03;
/** Assumption: what cases are about, lost documents and exploitation being the most common. */
const CASE_TYPES = WeightedTable.of<AssistanceType>({
  LOST_DOCUMENTS: 0.34,
  LABOUR_EXPLOITATION: 0.2,
  LEGAL_AID: 0.14,
  DETENTION: 0.12,
  HOSPITALISATION: 0.14,
  REPATRIATION: 0.04,
  DEATH_ABROAD: 0.02,
});
/** Assumption: a case takes 3 to 180 days; one whose end is not yet reached is open. */
const CASE_DAYS: readonly [number, number] = [3, 180];

/** The post a city's citizens turn to; a city not listed goes to its country's first post. */
const CONSULATE_OF_CITY: Readonly<Record<string, Consulate>> = {
  Moscow: Consulate.RU_MOSCOW,
  Kazan: Consulate.RU_MOSCOW,
  'Saint Petersburg': Consulate.RU_SAINT_PETERSBURG,
  Yekaterinburg: Consulate.RU_YEKATERINBURG,
  Tyumen: Consulate.RU_YEKATERINBURG,
  Surgut: Consulate.RU_YEKATERINBURG,
  Novosibirsk: Consulate.RU_NOVOSIBIRSK,
  Krasnoyarsk: Consulate.RU_NOVOSIBIRSK,
  Irkutsk: Consulate.RU_NOVOSIBIRSK,
  Astana: Consulate.KZ_ASTANA,
  Almaty: Consulate.KZ_ALMATY,
  Shymkent: Consulate.KZ_ALMATY,
  Ankara: Consulate.TR_ANKARA,
  Istanbul: Consulate.TR_ISTANBUL,
  Antalya: Consulate.TR_ISTANBUL,
};

/** The post serving a stay, or null for a country without one. */
export function consulateOfStay(stay: Pick<ConsularStay, 'country' | 'city'>): Consulate | null {
  const byCity = stay.city === null ? undefined : CONSULATE_OF_CITY[stay.city];
  if (byCity && countryOfConsulate(byCity) === stay.country) return byCity;
  return consulatesIn(stay.country)[0] ?? null;
}

export interface ConsularRecords {
  registrations: Omit<ConsularRegistrationRecord, '_id'>[];
  cases: Omit<AssistanceCaseRecord, '_id'>[];
}

/**
 * One person's registrations and cases. `random` is the person's own consular stream, so that
 * drawing them changes nothing else the person's bundle holds; `last` is the last recorded day.
 */
export function drawConsularRecords(
  random: Random,
  pin: string,
  stays: readonly ConsularStay[],
  last: number,
): ConsularRecords {
  const records: ConsularRecords = { registrations: [], cases: [] };
  for (const stay of stays) {
    const consulate = consulateOfStay(stay);
    if (consulate === null) continue;
    const country = countryOfConsulate(consulate);
    const end = stay.returnedOn ?? last;
    if (end - stay.departedOn >= MIN_REGISTERED_STAY_DAYS && random.chance(REGISTERED_STAY_SHARE)) {
      records.registrations.push({
        pin,
        country,
        consulate,
        addressCity: stay.city ?? defaultCity(consulate),
        from: dateOf(stay.departedOn + random.int(7, 60)),
        to: stay.returnedOn === null ? null : dateOf(stay.returnedOn),
      });
    }
    const years = Math.max(end - stay.departedOn, 1) / 365;
    if (!random.chance(Math.min(0.5, CASES_PER_YEAR_ABROAD * years))) continue;
    const type = drawCaseType(random, stay);
    // A repatriation ends with the return; any other case opens somewhere in the stay.
    const opened =
      type === AssistanceType.REPATRIATION
        ? Math.max(stay.departedOn, end - random.int(3, 60))
        : random.int(stay.departedOn, end);
    const due =
      type === AssistanceType.REPATRIATION ? end : opened + random.int(CASE_DAYS[0], CASE_DAYS[1]);
    const closed = due <= last ? due : null;
    records.cases.push({
      pin,
      type,
      status:
        closed !== null
          ? AssistanceCaseStatus.CLOSED
          : random.chance(0.5)
            ? AssistanceCaseStatus.IN_PROGRESS
            : AssistanceCaseStatus.OPEN,
      country,
      consulate,
      openedOn: dateOf(opened),
      closedOn: closed === null ? null : dateOf(closed),
    });
  }
  return records;
}

/**
 * A case type for a stay: a death abroad only in a stay still open (the register knows no deaths,
 * so a person who died abroad is still abroad), a repatriation only in a stay that ended; either
 * drawn otherwise becomes a case of lost documents.
 */
function drawCaseType(random: Random, stay: ConsularStay): AssistanceType {
  const type = CASE_TYPES.pick(random);
  if (type === AssistanceType.DEATH_ABROAD && stay.returnedOn !== null)
    return AssistanceType.LOST_DOCUMENTS;
  if (type === AssistanceType.REPATRIATION && stay.returnedOn === null)
    return AssistanceType.LOST_DOCUMENTS;
  return type;
}

/** The city a post is in, for an address that named none. */
function defaultCity(consulate: Consulate): string {
  const words = consulate.slice(3).toLowerCase().split('_');
  return words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join(' ');
}
