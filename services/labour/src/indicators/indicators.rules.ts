import { allow, indicatorValueTypeRules, type AccessRules } from '@jol/schema';
import { labourMeasures } from './indicators.measures';

/** The key is not data; the measures' own rules come with their declarations. */
export const indicatorsRules: AccessRules[] = [
  { Indicators: { key: allow }, ...indicatorValueTypeRules },
  labourMeasures.rules,
];
