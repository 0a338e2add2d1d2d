import { aggregateRule, allow, indicatorValueTypeRules, type AccessRules } from '@jol/schema';

const measure = (name: string) => aggregateRule(`Indicators.${name}`);

/** Health's measures are for roles reading the `statistics` aggregate class. */
export const indicatorsRules: AccessRules = {
  Indicators: {
    key: allow,
    tbScreenedReturnees: measure('tbScreenedReturnees'),
    activeTbCases: measure('activeTbCases'),
    returneeShareOfActiveTb: measure('returneeShareOfActiveTb'),
  },
  ...indicatorValueTypeRules,
};
