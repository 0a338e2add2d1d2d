import { badUserInput } from '@jol/kernel';

/**
 * Russia's insurance number (SNILS): 11 digits, written `123-456-789 01`; the last two are a check
 * number computed from the first nine (weights 9..1; a sum under 100 is the check number, 100 and
 * 101 give 00, larger sums are taken modulo 101 the same way).
 */
export function isSnils(digits: string): boolean {
  if (!/^\d{11}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (9 - i);
  const check = sum < 100 ? sum : sum % 101 === 100 ? 0 : sum % 101;
  return Number(digits.slice(9)) === check;
}

/**
 * Kazakhstan's individual identification number (IIN): 12 digits, the last a check digit, the
 * weighted sum modulo 11 with weights 1..11, or with weights 3..11,1,2 when the first gives 10
 * (a second 10 makes the number invalid).
 */
export function isIin(digits: string): boolean {
  if (!/^\d{12}$/.test(digits)) return false;
  const weighted = (weights: number[]) =>
    weights.reduce((sum, weight, i) => sum + weight * Number(digits[i]), 0) % 11;
  let check = weighted([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  if (check === 10) check = weighted([3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
  return check !== 10 && check === Number(digits[11]);
}

/**
 * Turkiye's identity number (T.C. Kimlik No): 11 digits, not starting with 0; the tenth is
 * (7 x the odd-placed of the first nine - the even-placed) mod 10, the eleventh the sum of the
 * first ten mod 10.
 */
export function isTckn(digits: string): boolean {
  if (!/^[1-9]\d{10}$/.test(digits)) return false;
  const d = [...digits].map(Number);
  const odd = d[0]! + d[2]! + d[4]! + d[6]! + d[8]!;
  const even = d[1]! + d[3]! + d[5]! + d[7]!;
  const tenth = (((odd * 7 - even) % 10) + 10) % 10;
  const eleventh = d.slice(0, 10).reduce((a, b) => a + b, 0) % 10;
  return d[9] === tenth && d[10] === eleventh;
}

const CHECKS: Record<string, { test: (digits: string) => boolean; contract: string }> = {
  SNILS: { test: isSnils, contract: 'must be a SNILS: 11 digits with a valid check number' },
  IIN: { test: isIin, contract: 'must be an IIN: 12 digits with a valid check digit' },
  TCKN: { test: isTckn, contract: 'must be a T.C. Kimlik No: 11 digits with valid check digits' },
};

/**
 * The identifier a partner knows the person by, checked against its kind and kept as digits only
 * (SNILS `112-233-445 95` becomes `11223344595`); kinds without a check accept 1-32 letters,
 * digits and dashes, as written.
 */
export function normalizeForeignId(kind: string, value: string, field = 'foreignId'): string {
  const check = CHECKS[kind];
  if (!check) {
    if (!/^[A-Za-z0-9-]{1,32}$/.test(value))
      throw badUserInput(field, value, 'must be 1-32 letters, digits or dashes');
    return value;
  }
  const digits = value.replace(/[\s-]/g, '');
  if (!check.test(digits)) throw badUserInput(field, value, check.contract);
  return digits;
}
