import { changeEventRules, supersessionRules } from '@jol/schema';
import { accessLogRules } from './access-log/access-log.rules';
import { consentRules } from './consent/consent.rules';
import { fitnessRules } from './fitness/fitness.rules';
import { indicatorsEntity } from './indicators/indicators.entity';
import { insuranceRules } from './insurance/insurance.rules';
import { personEntity } from './person/person.type';
import { screeningRules } from './screening/screening.rules';
import { tbCaseRules } from './tb-case/tb-case.rules';

/** Every entity's rules; anything they do not name is denied. */
export const healthRules = [
  ...personEntity.rules,
  supersessionRules,
  changeEventRules('health'),
  screeningRules,
  tbCaseRules,
  insuranceRules,
  consentRules,
  fitnessRules,
  accessLogRules,
  ...indicatorsEntity.rules,
];
