import { createIndicatorsEntity } from '@jol/statistics';
import { labourMeasures } from './indicators.measures';

/** The migration subgraph's `Indicators` entity, to which labour contributes its measures. */
export const indicatorsEntity = createIndicatorsEntity({
  measures: labourMeasures,
  statisticalUnits: true,
});
