import { registerEnumType } from 'type-graphql';

/** Age bands used in filters and statistics; 15-29 is the brief's headline band. */
export enum AgeBand {
  AGE_0_14 = 'AGE_0_14',
  AGE_15_29 = 'AGE_15_29',
  AGE_30_44 = 'AGE_30_44',
  AGE_45_59 = 'AGE_45_59',
  AGE_60_PLUS = 'AGE_60_PLUS',
}

registerEnumType(AgeBand, { name: 'AgeBand', description: 'Age in whole years on the day asked.' });

const BOUNDS: Record<AgeBand, [number, number | null]> = {
  [AgeBand.AGE_0_14]: [0, 14],
  [AgeBand.AGE_15_29]: [15, 29],
  [AgeBand.AGE_30_44]: [30, 44],
  [AgeBand.AGE_45_59]: [45, 59],
  [AgeBand.AGE_60_PLUS]: [60, null],
};

/** The birth dates (inclusive, UTC midnight) of people whose age on `on` falls in `band`. */
export function birthDateRange(band: AgeBand, on: Date): { from: Date | null; to: Date } {
  const [minAge, maxAge] = BOUNDS[band];
  const shift = (years: number) =>
    new Date(Date.UTC(on.getUTCFullYear() - years, on.getUTCMonth(), on.getUTCDate()));
  const to = shift(minAge);
  if (maxAge === null) return { from: null, to };
  const from = shift(maxAge + 1);
  from.setUTCDate(from.getUTCDate() + 1);
  return { from, to };
}

export function ageOn(birthDate: Date, on: Date): number {
  const age = on.getUTCFullYear() - birthDate.getUTCFullYear();
  const beforeBirthday =
    on.getUTCMonth() < birthDate.getUTCMonth() ||
    (on.getUTCMonth() === birthDate.getUTCMonth() && on.getUTCDate() < birthDate.getUTCDate());
  return beforeBirthday ? age - 1 : age;
}

export function ageBandOf(age: number): AgeBand {
  if (age <= 14) return AgeBand.AGE_0_14;
  if (age <= 29) return AgeBand.AGE_15_29;
  if (age <= 44) return AgeBand.AGE_30_44;
  if (age <= 59) return AgeBand.AGE_45_59;
  return AgeBand.AGE_60_PLUS;
}
