import { registerEnumType } from 'type-graphql';

/** What an indicator table can be broken down by; every row gives one value of each. */
export enum IndicatorDimension {
  REGION = 'REGION',
  SEX = 'SEX',
  AGE_BAND = 'AGE_BAND',
  DESTINATION = 'DESTINATION',
  YEAR = 'YEAR',
  SECTOR = 'SECTOR',
}

registerEnumType(IndicatorDimension, {
  name: 'IndicatorDimension',
  description: 'A breakdown of an indicator table.',
  valuesConfig: {
    REGION: { description: "The person's home region (ISO 3166-2:KG)." },
    SEX: { description: 'Sex as recorded by the civil registry.' },
    AGE_BAND: { description: "Age on the year's reference day (31 December, or the build day)." },
    DESTINATION: {
      description:
        "The country of the stay, job, ban or insurance period counted; for measures without one, the person's latest destination (null: never abroad).",
    },
    YEAR: { description: 'The calendar year.' },
    SECTOR: {
      description:
        'The sector of work abroad. Only in employmentAbroadBySector; not accepted in `by`.',
    },
  },
});

/** The dimensions a caller may break indicators down by (SECTOR belongs to one measure only). */
export const BREAKDOWN_DIMENSIONS: readonly IndicatorDimension[] = [
  IndicatorDimension.REGION,
  IndicatorDimension.SEX,
  IndicatorDimension.AGE_BAND,
  IndicatorDimension.DESTINATION,
  IndicatorDimension.YEAR,
];

/**
 * At most two breakdowns: disclosure control protects one- and two-way tables with their margins;
 * a third dimension would need a three-way protection this kernel does not do.
 */
export const MAX_BREAKDOWNS = 2;

/** The field of a cube cell that holds each dimension's value. */
export const CUBE_FIELD = {
  [IndicatorDimension.REGION]: 'region',
  [IndicatorDimension.SEX]: 'sex',
  [IndicatorDimension.AGE_BAND]: 'ageBand',
  [IndicatorDimension.DESTINATION]: 'destination',
  [IndicatorDimension.YEAR]: 'year',
  [IndicatorDimension.SECTOR]: 'category',
} as const;
export type CubeField = (typeof CUBE_FIELD)[IndicatorDimension];
