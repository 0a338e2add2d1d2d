import { aggregateRule, allow, indicatorValueTypeRules, type AccessRules } from '@jol/schema';

/**
 * The entry point is for roles reading the `statistics` aggregate class (the measures' rules come
 * with their declarations); the key and echo are not data.
 */
export const indicatorsRules: AccessRules = {
  Query: { indicators: aggregateRule('Query.indicators') },
  Indicators: {
    key: allow,
    by: allow,
    filter: allow,
  },
  IndicatorScope: allow,
  ...indicatorValueTypeRules,
};
