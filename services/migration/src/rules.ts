import { changeEventRules, supersessionRules } from '@jol/schema';
import { accessLogRules } from './access-log/access-log.rules';
import { dependantMasks, dependantRules } from './dependant/dependant.rules';
import { entryBanRules } from './entry-ban/entry-ban.rules';
import { episodeRules } from './episode/episode.rules';
import { indicatorsEntity } from './indicators/indicators.entity';
import { personRules } from './person/person.rules';
import { registeredSubjectRules } from './registered-subject/registered-subject.rules';

/** Every entity's rules; anything they do not name is denied. */
export const migrationRules = [
  personRules,
  supersessionRules,
  changeEventRules('migration'),
  episodeRules,
  entryBanRules,
  dependantRules,
  accessLogRules,
  ...indicatorsEntity.rules,
  registeredSubjectRules,
];
export const migrationMasks = [dependantMasks];
