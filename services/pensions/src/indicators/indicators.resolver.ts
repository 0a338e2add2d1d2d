import { pensionsMeasures } from './indicators.measures';
import { Indicators } from './indicators.type';

/** Pensions's measures on the shared `Indicators` entity; all of them come from one cube read. */
export const PensionsIndicatorsResolver = pensionsMeasures.createResolver(Indicators);
