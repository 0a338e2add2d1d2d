import { changeEventRules, supersessionRules } from '@jol/schema';
import { accessLogRules } from './access-log/access-log.rules';
import { consentRules } from './consent/consent.rules';
import { fitnessRules } from './fitness/fitness.rules';
import { indicatorsRules } from './indicators/indicators.rules';
import { insuranceRules } from './insurance/insurance.rules';
import { personRules } from './person/person.rules';
import { screeningRules } from './screening/screening.rules';
import { tbCaseRules } from './tb-case/tb-case.rules';

/** Every entity's rules; anything they do not name is denied. */
export const healthRules = [
  personRules,
  supersessionRules,
  changeEventRules('health'),
  screeningRules,
  tbCaseRules,
  insuranceRules,
  consentRules,
  fitnessRules,
  accessLogRules,
  ...indicatorsRules,
];
