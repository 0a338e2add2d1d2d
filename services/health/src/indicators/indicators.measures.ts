import { defineMeasures, IndicatorUnit } from '@jol/statistics';

/**
 * Health's measures, in the order of their fields on `Indicators`; the build counts the cube
 * measures they name (`healthMeasures.cube`).
 */
export const healthMeasures = defineMeasures('health', {
  tbScreenedReturnees: {
    description:
      'Returnees (back from abroad at least once before the screening) screened for tuberculosis in the year, once per year; destination: their latest destination.',
    timing: 'PERIOD',
    unit: IndicatorUnit.PERSONS,
    cube: 'tbScreenedReturnees',
  },
  activeTbCases: {
    description:
      "Persons with an active tuberculosis case on the reference day of the period's last year; destination: their latest destination (null: never abroad).",
    timing: 'STOCK',
    unit: IndicatorUnit.PERSONS,
    cube: 'activeTbCases',
  },
  returneeShareOfActiveTb: {
    description:
      'The share of returnees (back from abroad at least once by the reference day) among persons with an active tuberculosis case (as activeTbCases counts them).',
    timing: 'STOCK',
    unit: IndicatorUnit.SHARE,
    cube: 'activeTbCasesReturnees',
    denominator: 'activeTbCases',
  },
});

/** Cube measures the health build counts. */
export const HEALTH_CUBE = healthMeasures.cube;

/** Every measure of the agency: what the differencing harness attacks. */
export const HEALTH_MEASURES = healthMeasures.list;
