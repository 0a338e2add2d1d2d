import { defineMeasures, IndicatorDimension, IndicatorUnit } from '@jol/statistics';

/**
 * Labour's measures, in the order of their fields on `Indicators`; the build counts the cube
 * measures they name (`labourMeasures.cube`).
 */
export const labourMeasures = defineMeasures('labour', {
  employedAbroad: {
    description:
      'Persons with a job abroad during the year, once per year, by the country of their latest job that year.',
    timing: 'PERIOD',
    unit: IndicatorUnit.PERSONS,
    cube: 'employedAbroad',
  },
  employmentAbroadBySector: {
    description:
      'Persons with a job abroad during the year (as employedAbroad counts them) by the sector of their latest job, whatever `by` says; the filter applies.',
    timing: 'PERIOD',
    unit: IndicatorUnit.PERSONS,
    cube: 'employedAbroadBySector',
    dimensions: [IndicatorDimension.SECTOR],
  },
  formalEmploymentShare: {
    description:
      'The share of persons employed abroad (as employedAbroad counts them) whose latest job that year was under a written contract.',
    timing: 'PERIOD',
    unit: IndicatorUnit.SHARE,
    cube: 'employedAbroadFormal',
    denominator: 'employedAbroad',
  },
  reintegrationEnrolments: {
    description:
      'Persons who enrolled in a reintegration programme in the year, once per year; destination: their latest destination.',
    timing: 'PERIOD',
    unit: IndicatorUnit.PERSONS,
    cube: 'reintegrationEnrolments',
  },
  reintegrationCompletions: {
    description:
      'Persons who completed a reintegration programme in the year, once per year; destination: their latest destination.',
    timing: 'PERIOD',
    unit: IndicatorUnit.PERSONS,
    cube: 'reintegrationCompletions',
  },
});

/** Cube measures the labour build counts. */
export const LABOUR_CUBE = labourMeasures.cube;

/** Every measure of the agency: what the differencing harness attacks. */
export const LABOUR_MEASURES = labourMeasures.list;
