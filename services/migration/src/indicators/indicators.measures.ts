import { defineMeasures, IndicatorDimension, IndicatorUnit } from '@jol/statistics';

const PERSONS_ABROAD = {
  description:
    "Persons abroad on the reference day of the period's last year (31 December, or the build day), by the country of their stay.",
  timing: 'STOCK',
  unit: IndicatorUnit.PERSONS,
  cube: 'personsAbroad',
} as const;

/**
 * The migration register's measures, in the order of their fields on `Indicators`; the build
 * counts the cube measures they name (`migrationMeasures.cube`).
 */
export const migrationMeasures = defineMeasures('migration', {
  personsAbroad: PERSONS_ABROAD,
  departures: {
    description:
      'Persons who departed in the year, once per year, by the country of their latest departure that year.',
    timing: 'PERIOD',
    unit: IndicatorUnit.PERSONS,
    cube: 'departures',
  },
  returns: {
    description:
      'Persons who returned in the year, once per year, by the country of their latest return that year.',
    timing: 'PERIOD',
    unit: IndicatorUnit.PERSONS,
    cube: 'returns',
  },
  entryBans: {
    description: 'Persons given a re-entry ban in the year, by the country that imposed it.',
    timing: 'PERIOD',
    unit: IndicatorUnit.PERSONS,
    cube: 'entryBans',
  },
  womenShareAbroad: {
    description: 'The share of women among persons abroad (as personsAbroad counts them).',
    timing: 'STOCK',
    unit: IndicatorUnit.SHARE,
    cube: 'personsAbroadWomen',
    denominator: 'personsAbroad',
  },
  aged15To29ShareAbroad: {
    description:
      'The share of persons aged 15-29 among persons abroad (as personsAbroad counts them).',
    timing: 'STOCK',
    unit: IndicatorUnit.SHARE,
    cube: 'personsAbroadAged15To29',
    denominator: 'personsAbroad',
  },
  childrenWithParentAbroad: {
    description:
      "Children recorded as left behind by a parent abroad on the reference day, each once; counted by the parent's region, sex, age band and destination. A cell is withheld when it describes fewer than minCellSize parents, however many children.",
    timing: 'STOCK',
    unit: IndicatorUnit.PERSONS,
    cube: 'childrenWithParentAbroad',
    contributors: 'parentsAbroadWithChildren',
  },
  destinations: {
    ...PERSONS_ABROAD,
    description:
      'Persons abroad (as personsAbroad counts them) by destination country only, whatever `by` says; the filter applies.',
    dimensions: [IndicatorDimension.DESTINATION],
  },
});

/** Cube measures the migration build counts. */
export const MIGRATION_CUBE = migrationMeasures.cube;

/** Every measure of the agency: what the differencing harness attacks. */
export const MIGRATION_MEASURES = migrationMeasures.list;
