import { createIndicatorsEntity } from '@jol/statistics';
import { migrationMeasures } from './indicators.measures';

/** The register serves the entry point (`Query.indicators`) besides its measures. */
export const indicatorsEntity = createIndicatorsEntity({
  measures: migrationMeasures,
  entryPoint: true,
});
