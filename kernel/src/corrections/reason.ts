import { badUserInput } from '../errors';
import { hasControlCharacters } from '../free-text';

/** The shortest and longest reason a correction or a void may give, in characters. */
export const REASON_MIN_LENGTH = 3;
export const REASON_MAX_LENGTH = 500;

/**
 * The reason an officer gives for correcting or voiding a record, trimmed: it is kept with the
 * superseded version and in the audit, so it must say something and fit on a page.
 */
export function checkCorrectionReason(value: unknown, field = 'reason'): string {
  if (typeof value !== 'string') throw badUserInput(field, value, 'must be a string');
  const trimmed = value.trim().replace(/\s+/gu, ' ');
  const length = [...trimmed].length;
  if (length < REASON_MIN_LENGTH || length > REASON_MAX_LENGTH || hasControlCharacters(trimmed)) {
    throw badUserInput(
      field,
      value,
      `must be ${REASON_MIN_LENGTH}-${REASON_MAX_LENGTH} characters without control characters`,
    );
  }
  return trimmed;
}
