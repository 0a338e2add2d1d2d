import { IndicatorDimension, IndicatorUnit, type IndicatorMeasure } from '@jol/schema';

/** Cube measures the labour build counts; the API measures below read them. */
export const LABOUR_CUBE = {
  employedAbroad: 'employedAbroad',
  employedAbroadFormal: 'employedAbroadFormal',
  employedAbroadBySector: 'employedAbroadBySector',
  reintegrationEnrolments: 'reintegrationEnrolments',
  reintegrationCompletions: 'reintegrationCompletions',
} as const;

const agency = 'labour';

export const EMPLOYED_ABROAD: IndicatorMeasure = {
  name: 'employedAbroad',
  agency,
  description:
    'Persons with a job abroad during the year, once per year, by the country of their latest job that year.',
  timing: 'PERIOD',
  unit: IndicatorUnit.PERSONS,
  cube: LABOUR_CUBE.employedAbroad,
};

export const EMPLOYMENT_ABROAD_BY_SECTOR: IndicatorMeasure = {
  name: 'employmentAbroadBySector',
  agency,
  description:
    'Persons with a job abroad during the year (as employedAbroad counts them) by the sector of their latest job, whatever `by` says; the filter applies.',
  timing: 'PERIOD',
  unit: IndicatorUnit.PERSONS,
  cube: LABOUR_CUBE.employedAbroadBySector,
  dimensions: [IndicatorDimension.SECTOR],
};

export const FORMAL_EMPLOYMENT_SHARE: IndicatorMeasure = {
  name: 'formalEmploymentShare',
  agency,
  description:
    'The share of persons employed abroad (as employedAbroad counts them) whose latest job that year was under a written contract.',
  timing: 'PERIOD',
  unit: IndicatorUnit.SHARE,
  cube: LABOUR_CUBE.employedAbroadFormal,
  denominator: LABOUR_CUBE.employedAbroad,
};

export const REINTEGRATION_ENROLMENTS: IndicatorMeasure = {
  name: 'reintegrationEnrolments',
  agency,
  description:
    'Persons who enrolled in a reintegration programme in the year, once per year; destination: their latest destination.',
  timing: 'PERIOD',
  unit: IndicatorUnit.PERSONS,
  cube: LABOUR_CUBE.reintegrationEnrolments,
};

export const REINTEGRATION_COMPLETIONS: IndicatorMeasure = {
  name: 'reintegrationCompletions',
  agency,
  description:
    'Persons who completed a reintegration programme in the year, once per year; destination: their latest destination.',
  timing: 'PERIOD',
  unit: IndicatorUnit.PERSONS,
  cube: LABOUR_CUBE.reintegrationCompletions,
};

/** Every measure of the agency: what the differencing harness attacks. */
export const LABOUR_MEASURES: readonly IndicatorMeasure[] = [
  EMPLOYED_ABROAD,
  EMPLOYMENT_ABROAD_BY_SECTOR,
  FORMAL_EMPLOYMENT_SHARE,
  REINTEGRATION_ENROLMENTS,
  REINTEGRATION_COMPLETIONS,
];
