import { badUserInput, formatIsoDate, today } from '@jol/schema';

/** Refuses a date after today (UTC): health records describe what has already happened. */
export function checkNotInFuture(field: string, value: Date, now = new Date()): void {
  if (value > today(now)) {
    throw badUserInput(field, formatIsoDate(value), 'must not be in the future');
  }
}

/** Refuses `value` when it falls before `bound`, naming the bound's field and date. */
export function checkNotBefore(field: string, value: Date, boundField: string, bound: Date): void {
  if (value < bound) {
    throw badUserInput(
      field,
      formatIsoDate(value),
      `must not be before ${boundField} (${formatIsoDate(bound)})`,
    );
  }
}
