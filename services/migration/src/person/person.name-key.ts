import type { NameRecord } from './person.model';

/**
 * Name keys: one transliteration that brings a name written in Kyrgyz or Russian Cyrillic and the
 * same name in passport-style Latin to the same lower-case ASCII words, so that a search in either
 * script finds both. Written here rather than taken from a general romanisation library because
 * those romanise to one target spelling (ж as "zh", ү as "u" or "ü"), while the keys must also
 * fold the Latin spellings that Kyrgyz passports and foreign documents actually use onto each
 * other: ж/zh/dzh/j, ң/ng/n/ñ, ө/ö/o, ү/ü/u, ы/y/i, й/y/i, ю/yu/iu, я/ya/ia, х/kh/h.
 */

/** Cyrillic letters (Kyrgyz alphabet, plus the Russian letters it borrows) to Latin. */
const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'j',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  ң: 'ng',
  о: 'o',
  ө: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ү: 'u',
  ф: 'f',
  х: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sh',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
};

/**
 * Spellings of one sound folded onto one, in this order, after transliteration: Russian-style
 * "dzh" and "zh" to Kyrgyz "j"; "kh" to "h"; ң's "ng" (and "ñ") to "n", as passports write ң;
 * "yo" to "e"; and "y" to "i", so that ы and й written "y" or "i" (Bakyt/Bakit, Aybek/Aibek,
 * Daniyar/Daniiar) agree.
 */
const LATIN_FOLDS: readonly (readonly [RegExp, string])[] = [
  [/dzh/g, 'j'],
  [/zh/g, 'j'],
  [/kh/g, 'h'],
  [/ñ/g, 'n'],
  [/ng/g, 'n'],
  [/yo/g, 'e'],
  [/y/g, 'i'],
];

/** The longest name part a key is made of; longer text is no name. */
export const MAX_NAME_PART = 40;

/**
 * The key of one word of a name: lower-case, Cyrillic transliterated, Latin variants folded,
 * diacritics dropped, apostrophes and hyphens removed. Returns '' for a word with no letter.
 */
export function nameKey(word: string): string {
  const lower = word.normalize('NFC').toLocaleLowerCase('ky');
  let latin = '';
  for (const char of lower) latin += CYRILLIC[char] ?? char;
  for (const [from, to] of LATIN_FOLDS) latin = latin.replace(from, to);
  return latin
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .replace(/[^a-z]/g, '');
}

/** The words of a name text (split on spaces and hyphens), each as its key, without repeats. */
export function nameKeysOfText(text: string): string[] {
  const keys = text
    .split(/[\s-]+/u)
    .map(nameKey)
    .filter((key) => key !== '');
  return [...new Set(keys)];
}

/**
 * Every key a stored person is found by: the words of the last, first and middle names in both
 * scripts. Kept on the person (`nameKeys`, indexed) and written with it; persons stored before
 * the keys existed get them from `backfillNameKeys`.
 */
export function nameKeysOf(person: { nameCyrillic: NameRecord; nameLatin: NameRecord }): string[] {
  const parts = [person.nameCyrillic, person.nameLatin].flatMap((name) => [
    name.last,
    name.first,
    name.patronymic ?? '',
  ]);
  return [...new Set(parts.flatMap(nameKeysOfText))].sort();
}
