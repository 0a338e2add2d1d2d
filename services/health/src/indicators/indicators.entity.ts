import { createIndicatorsEntity } from '@jol/statistics';
import { healthMeasures } from './indicators.measures';

/** The migration subgraph's `Indicators` entity, to which health contributes its measures. */
export const indicatorsEntity = createIndicatorsEntity({
  measures: healthMeasures,
  statisticalUnits: true,
});
