import { badUserInput } from '@jol/kernel';
import { PensionCurrency } from './contribution.type';

const AMOUNT = /^(\d{1,9})(?:\.(\d{1,2}))?$/;

/** Currencies without a minor unit in ISO 4217: their amounts must be whole. */
const WHOLE_CURRENCIES: ReadonlySet<PensionCurrency> = new Set([PensionCurrency.KRW]);

/**
 * Parses a decimal amount such as "1250.5" into an exact integer of hundredths (125050), without
 * floating point; a positive amount of at most 9 integer digits and 2 decimals, whole for KRW.
 */
export function parseAmount(value: string, currency: PensionCurrency, field = 'amount'): number {
  const match = AMOUNT.exec(value);
  if (!match) {
    throw badUserInput(
      field,
      value,
      'must be a decimal with up to 9 digits and 2 decimals, such as "1250.00"',
    );
  }
  const hundredths = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  if (hundredths <= 0) throw badUserInput(field, value, 'must be greater than zero');
  if (WHOLE_CURRENCIES.has(currency) && hundredths % 100 !== 0) {
    throw badUserInput(field, value, `must be a whole number in ${currency}`);
  }
  return hundredths;
}

/** Formats stored hundredths as a decimal string with exactly two places: 125050 -> "1250.50". */
export function formatAmount(hundredths: number): string {
  const units = Math.trunc(hundredths / 100);
  const rest = hundredths % 100;
  return `${units}.${String(rest).padStart(2, '0')}`;
}
