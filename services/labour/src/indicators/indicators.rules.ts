import { aggregateRule, allow, indicatorValueTypeRules, type AccessRules } from '@jol/schema';

const measure = (name: string) => aggregateRule(`Indicators.${name}`);

/** Labour's measures are for roles reading the `statistics` aggregate class. */
export const indicatorsRules: AccessRules = {
  Indicators: {
    key: allow,
    employedAbroad: measure('employedAbroad'),
    employmentAbroadBySector: measure('employmentAbroadBySector'),
    formalEmploymentShare: measure('formalEmploymentShare'),
    reintegrationEnrolments: measure('reintegrationEnrolments'),
    reintegrationCompletions: measure('reintegrationCompletions'),
  },
  ...indicatorValueTypeRules,
};
