import { labourMeasures } from './indicators.measures';
import { Indicators } from './indicators.type';

/** Labour's measures on the shared `Indicators` entity; all of them come from one cube read. */
export const LabourIndicatorsResolver = labourMeasures.createResolver(Indicators);
