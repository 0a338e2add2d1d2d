import { healthMeasures } from './indicators.measures';
import { Indicators } from './indicators.type';

/** Health's measures on the shared `Indicators` entity; all of them come from one cube read. */
export const HealthIndicatorsResolver = healthMeasures.createResolver(Indicators);
