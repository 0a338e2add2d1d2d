import { badUserInput, formatIsoDate } from '@jol/kernel';

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
