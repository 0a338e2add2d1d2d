import { createIndicatorsEntity } from '@jol/statistics';
import { consularMeasures } from './indicators.measures';

/** The migration subgraph's `Indicators` entity, to which consular contributes its measures. */
export const indicatorsEntity = createIndicatorsEntity({
  measures: consularMeasures,
  statisticalUnits: true,
});
