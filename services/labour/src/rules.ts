import { supersessionRules } from '@jol/schema';
import { accessLogRules } from './access-log/access-log.rules';
import { employmentRules } from './employment/employment.rules';
import { indicatorsEntity } from './indicators/indicators.entity';
import { personEntity } from './person/person.type';
import { reintegrationRules } from './reintegration/reintegration.rules';
import { skillRules } from './skill/skill.rules';

/** Every entity's rules; anything they do not name is denied. */
export const labourRules = [
  ...personEntity.rules,
  supersessionRules,
  employmentRules,
  reintegrationRules,
  skillRules,
  accessLogRules,
  ...indicatorsEntity.rules,
];
