import { supersessionRules } from '@jol/schema';
import { accessLogRules } from './access-log/access-log.rules';
import { employmentRules } from './employment/employment.rules';
import { indicatorsRules } from './indicators/indicators.rules';
import { personRules } from './person/person.rules';
import { reintegrationRules } from './reintegration/reintegration.rules';
import { skillRules } from './skill/skill.rules';

/** Every entity's rules; anything they do not name is denied. */
export const labourRules = [
  personRules,
  supersessionRules,
  employmentRules,
  reintegrationRules,
  skillRules,
  accessLogRules,
  ...indicatorsRules,
];
