import { createIndicatorsEntity } from '@jol/statistics';
import { pensionsMeasures } from './indicators.measures';

/** The migration subgraph's `Indicators` entity, to which pensions contributes its measures. */
export const indicatorsEntity = createIndicatorsEntity({
  measures: pensionsMeasures,
  statisticalUnits: true,
});
