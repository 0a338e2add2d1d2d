import { defineMeasures, IndicatorUnit } from '@jol/statistics';

/**
 * The Social Fund's measures, in the order of their fields on `Indicators`; the build counts the
 * cube measures they name (`pensionsMeasures.cube`).
 */
export const pensionsMeasures = defineMeasures('pensions', {
  insuredAbroad: {
    description:
      'Migrants with an insurance period abroad during the year, once per year, by the country of their latest such period.',
    timing: 'PERIOD',
    unit: IndicatorUnit.PERSONS,
    cube: 'insuredAbroad',
  },
  voluntaryContributors: {
    description:
      'Persons who paid a voluntary contribution to the Social Fund in the year; destination: their latest destination.',
    timing: 'PERIOD',
    unit: IndicatorUnit.PERSONS,
    cube: 'voluntaryContributors',
  },
  personsWithTotalizedPeriods: {
    description:
      'Persons with an insurance period abroad reported by a partner institution during the year: periods totalized towards their pension under an agreement (EAEU). By the country of the latest such period.',
    timing: 'PERIOD',
    unit: IndicatorUnit.PERSONS,
    cube: 'personsWithTotalizedPeriods',
  },
});

/** Cube measures the pensions build counts. */
export const PENSIONS_CUBE = pensionsMeasures.cube;

/** Every measure of the agency: what the differencing harness attacks. */
export const PENSIONS_MEASURES = pensionsMeasures.list;
