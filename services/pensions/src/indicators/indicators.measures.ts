import { IndicatorUnit, type IndicatorMeasure } from '@jol/schema';

/** Cube measures the pensions build counts; the API measures below read them. */
export const PENSIONS_CUBE = {
  insuredAbroad: 'insuredAbroad',
  personsWithTotalizedPeriods: 'personsWithTotalizedPeriods',
  voluntaryContributors: 'voluntaryContributors',
} as const;

const agency = 'pensions';

export const INSURED_ABROAD: IndicatorMeasure = {
  name: 'insuredAbroad',
  agency,
  description:
    'Migrants with an insurance period abroad during the year, once per year, by the country of their latest such period.',
  timing: 'PERIOD',
  unit: IndicatorUnit.PERSONS,
  cube: PENSIONS_CUBE.insuredAbroad,
};

export const PERSONS_WITH_TOTALIZED_PERIODS: IndicatorMeasure = {
  name: 'personsWithTotalizedPeriods',
  agency,
  description:
    'Persons with an insurance period abroad reported by a partner institution during the year: periods totalized towards their pension under an agreement (EAEU). By the country of the latest such period.',
  timing: 'PERIOD',
  unit: IndicatorUnit.PERSONS,
  cube: PENSIONS_CUBE.personsWithTotalizedPeriods,
};

export const VOLUNTARY_CONTRIBUTORS: IndicatorMeasure = {
  name: 'voluntaryContributors',
  agency,
  description:
    'Persons who paid a voluntary contribution to the Social Fund in the year; destination: their latest destination.',
  timing: 'PERIOD',
  unit: IndicatorUnit.PERSONS,
  cube: PENSIONS_CUBE.voluntaryContributors,
};

/** Every measure of the agency: what the differencing harness attacks. */
export const PENSIONS_MEASURES: readonly IndicatorMeasure[] = [
  INSURED_ABROAD,
  PERSONS_WITH_TOTALIZED_PERIODS,
  VOLUNTARY_CONTRIBUTORS,
];
