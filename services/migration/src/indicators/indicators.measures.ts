import { IndicatorDimension, IndicatorUnit, type IndicatorMeasure } from '@jol/schema';

/** Cube measures the migration build counts; the API measures below read them. */
export const MIGRATION_CUBE = {
  personsAbroad: 'personsAbroad',
  personsAbroadWomen: 'personsAbroadWomen',
  personsAbroadAged15To29: 'personsAbroadAged15To29',
  departures: 'departures',
  returns: 'returns',
  entryBans: 'entryBans',
  childrenWithParentAbroad: 'childrenWithParentAbroad',
  parentsAbroadWithChildren: 'parentsAbroadWithChildren',
} as const;

const agency = 'migration';

export const PERSONS_ABROAD: IndicatorMeasure = {
  name: 'personsAbroad',
  agency,
  description:
    "Persons abroad on the reference day of the period's last year (31 December, or the build day), by the country of their stay.",
  timing: 'STOCK',
  unit: IndicatorUnit.PERSONS,
  cube: MIGRATION_CUBE.personsAbroad,
};

export const DEPARTURES: IndicatorMeasure = {
  name: 'departures',
  agency,
  description:
    'Persons who departed in the year, once per year, by the country of their latest departure that year.',
  timing: 'PERIOD',
  unit: IndicatorUnit.PERSONS,
  cube: MIGRATION_CUBE.departures,
};

export const RETURNS: IndicatorMeasure = {
  name: 'returns',
  agency,
  description:
    'Persons who returned in the year, once per year, by the country of their latest return that year.',
  timing: 'PERIOD',
  unit: IndicatorUnit.PERSONS,
  cube: MIGRATION_CUBE.returns,
};

export const ENTRY_BANS: IndicatorMeasure = {
  name: 'entryBans',
  agency,
  description: 'Persons given a re-entry ban in the year, by the country that imposed it.',
  timing: 'PERIOD',
  unit: IndicatorUnit.PERSONS,
  cube: MIGRATION_CUBE.entryBans,
};

export const WOMEN_SHARE_ABROAD: IndicatorMeasure = {
  name: 'womenShareAbroad',
  agency,
  description: 'The share of women among persons abroad (as personsAbroad counts them).',
  timing: 'STOCK',
  unit: IndicatorUnit.SHARE,
  cube: MIGRATION_CUBE.personsAbroadWomen,
  denominator: MIGRATION_CUBE.personsAbroad,
};

export const AGED_15_29_SHARE_ABROAD: IndicatorMeasure = {
  name: 'aged15To29ShareAbroad',
  agency,
  description:
    'The share of persons aged 15-29 among persons abroad (as personsAbroad counts them).',
  timing: 'STOCK',
  unit: IndicatorUnit.SHARE,
  cube: MIGRATION_CUBE.personsAbroadAged15To29,
  denominator: MIGRATION_CUBE.personsAbroad,
};

export const CHILDREN_WITH_PARENT_ABROAD: IndicatorMeasure = {
  name: 'childrenWithParentAbroad',
  agency,
  description:
    "Children recorded as left behind by a parent abroad on the reference day, each once; counted by the parent's region, sex, age band and destination. A cell is withheld when it describes fewer than minCellSize parents, however many children.",
  timing: 'STOCK',
  unit: IndicatorUnit.PERSONS,
  cube: MIGRATION_CUBE.childrenWithParentAbroad,
  contributors: MIGRATION_CUBE.parentsAbroadWithChildren,
};

export const DESTINATIONS: IndicatorMeasure = {
  ...PERSONS_ABROAD,
  name: 'destinations',
  description:
    'Persons abroad (as personsAbroad counts them) by destination country only, whatever `by` says; the filter applies.',
  dimensions: [IndicatorDimension.DESTINATION],
};

/** Every measure of the agency: what the differencing harness attacks. */
export const MIGRATION_MEASURES: readonly IndicatorMeasure[] = [
  PERSONS_ABROAD,
  DEPARTURES,
  RETURNS,
  ENTRY_BANS,
  WOMEN_SHARE_ABROAD,
  AGED_15_29_SHARE_ABROAD,
  CHILDREN_WITH_PARENT_ABROAD,
  DESTINATIONS,
];
