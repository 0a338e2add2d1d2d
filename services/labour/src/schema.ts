import { accessLogReference, buildJolSubgraphSchema, PersonAccessLog } from '@jol/schema';
import { LabourAccessLogResolver } from './access-log/access-log.resolver';
import type { LabourContext } from './context';
import {
  EmploymentRecordResolver,
  PersonEmploymentResolver,
} from './employment/employment.resolver';
import { indicatorsEntity } from './indicators/indicators.entity';
import { personEntity } from './person/person.type';
import {
  PersonReintegrationEnrolmentsResolver,
  ReintegrationEnrolmentResolver,
} from './reintegration/reintegration.resolver';
import { PersonSkillsResolver, SkillResolver } from './skill/skill.resolver';

/** The labour subgraph's schema, without any permissions applied. */
export function createLabourSchema() {
  return buildJolSubgraphSchema<LabourContext>({
    resolvers: [
      PersonEmploymentResolver,
      EmploymentRecordResolver,
      PersonReintegrationEnrolmentsResolver,
      ReintegrationEnrolmentResolver,
      PersonSkillsResolver,
      SkillResolver,
      LabourAccessLogResolver,
      ...indicatorsEntity.resolvers,
    ],
    // Reads enter through the migration subgraph's person(pin) and Person.accessLog, so no root
    // field reaches these entities here.
    orphanedTypes: [...personEntity.types, PersonAccessLog, ...indicatorsEntity.types],
    referenceResolvers: {
      ...personEntity.referenceResolvers,
      ...accessLogReference,
      ...indicatorsEntity.referenceResolvers,
    },
  });
}
