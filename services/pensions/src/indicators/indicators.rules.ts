import { aggregateRule, allow, indicatorValueTypeRules, type AccessRules } from '@jol/schema';

const measure = (name: string) => aggregateRule(`Indicators.${name}`);

/** The Social Fund's measures are for roles reading the `statistics` aggregate class. */
export const indicatorsRules: AccessRules = {
  Indicators: {
    key: allow,
    insuredAbroad: measure('insuredAbroad'),
    voluntaryContributors: measure('voluntaryContributors'),
    personsWithTotalizedPeriods: measure('personsWithTotalizedPeriods'),
  },
  ...indicatorValueTypeRules,
};
