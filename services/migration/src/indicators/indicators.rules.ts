import { aggregateRule, allow, indicatorValueTypeRules, type AccessRules } from '@jol/schema';

const measure = (name: string) => aggregateRule(`Indicators.${name}`);

/** Indicators are for roles reading the `statistics` aggregate class; the key and echo are not data. */
export const indicatorsRules: AccessRules = {
  Query: { indicators: aggregateRule('Query.indicators') },
  Indicators: {
    key: allow,
    by: allow,
    filter: allow,
    personsAbroad: measure('personsAbroad'),
    departures: measure('departures'),
    returns: measure('returns'),
    entryBans: measure('entryBans'),
    womenShareAbroad: measure('womenShareAbroad'),
    aged15To29ShareAbroad: measure('aged15To29ShareAbroad'),
    childrenWithParentAbroad: measure('childrenWithParentAbroad'),
    destinations: measure('destinations'),
  },
  IndicatorScope: allow,
  ...indicatorValueTypeRules,
};
