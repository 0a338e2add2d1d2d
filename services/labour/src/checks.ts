import { badUserInput, formatIsoDate, hasControlCharacters, isRecordId } from '@jol/kernel';

/** Refuses `later` when it falls before `earlier`; equal dates are allowed. */
export function checkNotBefore(
  field: string,
  later: Date,
  earlierField: string,
  earlier: Date,
): void {
  if (later < earlier) {
    throw badUserInput(
      field,
      formatIsoDate(later),
      `must not be before ${earlierField} (${formatIsoDate(earlier)})`,
    );
  }
}

/**
 * Trims a free-text value and collapses runs of whitespace, then requires `min`-`max` characters
 * and no control characters; returns the value as it is to be stored and compared.
 */
export function normaliseText(field: string, value: string, max: number, min = 1): string {
  const text = value.trim().replace(/\s+/gu, ' ');
  if (text.length < min || text.length > max || hasControlCharacters(text)) {
    throw badUserInput(field, value, `must be ${min}-${max} characters without control characters`);
  }
  return text;
}

/** Ids are MongoDB ObjectIds in hex; anything else cannot name a record. */
export function checkObjectId(field: string, value: string): string {
  if (!isRecordId(value))
    throw badUserInput(field, value, 'must be an id of 24 hexadecimal digits');
  return value.toLowerCase();
}
