import { IndicatorUnit, type IndicatorMeasure } from '@jol/schema';

/** Cube measures the health build counts; the API measures below read them. */
export const HEALTH_CUBE = {
  tbScreenedReturnees: 'tbScreenedReturnees',
  activeTbCases: 'activeTbCases',
  activeTbCasesReturnees: 'activeTbCasesReturnees',
} as const;

const agency = 'health';

export const TB_SCREENED_RETURNEES: IndicatorMeasure = {
  name: 'tbScreenedReturnees',
  agency,
  description:
    'Returnees (back from abroad at least once before the screening) screened for tuberculosis in the year, once per year; destination: their latest destination.',
  timing: 'PERIOD',
  unit: IndicatorUnit.PERSONS,
  cube: HEALTH_CUBE.tbScreenedReturnees,
};

export const ACTIVE_TB_CASES: IndicatorMeasure = {
  name: 'activeTbCases',
  agency,
  description:
    "Persons with an active tuberculosis case on the reference day of the period's last year; destination: their latest destination (null: never abroad).",
  timing: 'STOCK',
  unit: IndicatorUnit.PERSONS,
  cube: HEALTH_CUBE.activeTbCases,
};

export const RETURNEE_SHARE_OF_ACTIVE_TB: IndicatorMeasure = {
  name: 'returneeShareOfActiveTb',
  agency,
  description:
    'The share of returnees (back from abroad at least once by the reference day) among persons with an active tuberculosis case (as activeTbCases counts them).',
  timing: 'STOCK',
  unit: IndicatorUnit.SHARE,
  cube: HEALTH_CUBE.activeTbCasesReturnees,
  denominator: HEALTH_CUBE.activeTbCases,
};

/** Every measure of the agency: what the differencing harness attacks. */
export const HEALTH_MEASURES: readonly IndicatorMeasure[] = [
  TB_SCREENED_RETURNEES,
  ACTIVE_TB_CASES,
  RETURNEE_SHARE_OF_ACTIVE_TB,
];
