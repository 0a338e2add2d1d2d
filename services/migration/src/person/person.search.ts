import type { QueryFilter } from 'mongoose';
import { PERSON_SEARCH } from '@jol/schema';
import { badUserInput, searchTooBroad, type RegionCode } from '@jol/kernel';
import type { PersonModel, PersonRecord } from './person.model';
import { MAX_NAME_PART, nameKeysOf, nameKeysOfText } from './person.name-key';

/**
 * The rules of a search for persons by name, checked before the store is asked:
 *
 * 1. `name` is 1 to 3 words, each of letters of one script, Latin (diacritics allowed) or Cyrillic
 *    (Kyrgyz letters included), with a hyphen or apostrophe inside a word; each word 2 to 40 letters. Anything else (a
 *    wildcard, a regular expression, digits, a huge string) is BAD_USER_INPUT: words are matched
 *    whole, never as patterns, so a search cannot enumerate people by prefix.
 * 2. One word (a first name or a surname alone) needs the birth date: SEARCH_TOO_BROAD
 *    (`rule: ONE_NAME_NEEDS_BIRTH_DATE`) otherwise, a region is not enough.
 * 3. Two or three words need the birth date or the region (`rule: NAME_NEEDS_BIRTH_DATE_OR_REGION`).
 * 4. A search that matches more than PERSON_SEARCH.maxResults (20) persons lists none
 *    (`rule: TOO_MANY_MATCHES`): add a criterion.
 */
export const MAX_NAME_WORDS = 3;

/** Longest name text read at all; longer is refused before it is split. */
const MAX_NAME_TEXT = 100;

const NAME_WORD = {
  latin: /^\p{Script=Latin}(?:[\p{Script=Latin}'-]*\p{Script=Latin})?$/u,
  cyrillic: /^\p{Script=Cyrillic}(?:[\p{Script=Cyrillic}'-]*\p{Script=Cyrillic})?$/u,
};

export interface SearchCriteria {
  name: string;
  birthDate?: Date | null;
  region?: RegionCode | null;
}

/** The name's words as keys, once rule 1 holds; BAD_USER_INPUT naming `name` otherwise. */
export function searchKeysOf(name: string): string[] {
  const contract = `must be 1 to ${MAX_NAME_WORDS} words of 2 to ${MAX_NAME_PART} Latin or Cyrillic letters (no wildcards)`;
  if (typeof name !== 'string' || name.length > MAX_NAME_TEXT)
    throw badUserInput('name', name, contract);
  const words = name.trim().split(/\s+/u);
  const valid = words.every(
    (word) =>
      word.length <= MAX_NAME_PART && (NAME_WORD.latin.test(word) || NAME_WORD.cyrillic.test(word)),
  );
  if (!valid || words.length > MAX_NAME_WORDS) throw badUserInput('name', name, contract);
  const keys = [...new Set(words.flatMap(nameKeysOfText))];
  if (keys.length === 0 || keys.some((key) => key.length < 2))
    throw badUserInput('name', name, contract);
  return keys;
}

/** Rules 1 to 3: the store query a search runs, or the typed error that refuses it. */
export function searchQuery(
  criteria: SearchCriteria,
  scopeRegion: string | null,
): QueryFilter<PersonRecord> {
  const keys = searchKeysOf(criteria.name);
  const birthDate = criteria.birthDate ?? null;
  const region = criteria.region ?? null;
  if (keys.length === 1 && !birthDate)
    throw searchTooBroad(
      'ONE_NAME_NEEDS_BIRTH_DATE',
      'A search by one name needs the birth date: add birthDate, or the other names and a region',
    );
  if (!birthDate && !region)
    throw searchTooBroad(
      'NAME_NEEDS_BIRTH_DATE_OR_REGION',
      'A search by name needs the birth date or the region',
    );
  const query: QueryFilter<PersonRecord> = { nameKeys: { $all: keys } };
  if (birthDate) query.birthDate = birthDate;
  if (region) query.homeRegion = region as RegionCode;
  // A region-scoped officer finds persons of their region only (the rule refused another region).
  if (scopeRegion) query.homeRegion = scopeRegion as RegionCode;
  return query;
}

/** Runs a search: at most PERSON_SEARCH.maxResults persons by PIN, or rule 4's refusal. */
export async function findPersons(
  Person: PersonModel,
  criteria: SearchCriteria,
  scopeRegion: string | null,
): Promise<PersonRecord[]> {
  const query = searchQuery(criteria, scopeRegion);
  const found = await Person.find(query)
    .sort({ pin: 1 })
    .limit(PERSON_SEARCH.maxResults + 1)
    .lean<PersonRecord[]>();
  if (found.length > PERSON_SEARCH.maxResults)
    throw searchTooBroad(
      'TOO_MANY_MATCHES',
      `More than ${PERSON_SEARCH.maxResults} persons match: add the birth date, the region or another name`,
    );
  return found;
}

/**
 * Gives every person stored without name keys (before searches existed) their keys. Idempotent and
 * batched; runs at every start of the subgraph, where it finds nothing to do once done.
 */
export async function backfillNameKeys(Person: PersonModel, batchSize = 1000): Promise<number> {
  let updated = 0;
  for (;;) {
    const batch = await Person.find(
      { nameKeys: { $exists: false } },
      { pin: 1, nameCyrillic: 1, nameLatin: 1 },
    )
      .limit(batchSize)
      .lean<Pick<PersonRecord, 'pin' | 'nameCyrillic' | 'nameLatin'>[]>();
    if (batch.length === 0) return updated;
    await Person.bulkWrite(
      batch.map((person) => ({
        updateOne: {
          filter: { pin: person.pin },
          update: { $set: { nameKeys: nameKeysOf(person) } },
        },
      })),
    );
    updated += batch.length;
  }
}
