import {
  accessLogReference,
  buildJolSubgraphSchema,
  indicatorsReference,
  PersonAccessLog,
} from '@jol/schema';
import { LabourAccessLogResolver } from './access-log/access-log.resolver';
import type { LabourContext } from './context';
import {
  EmploymentRecordResolver,
  PersonEmploymentResolver,
} from './employment/employment.resolver';
import { LabourIndicatorsResolver } from './indicators/indicators.resolver';
import { Indicators } from './indicators/indicators.type';
import { personReference } from './person/person.reference';
import { Person } from './person/person.type';
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
      LabourIndicatorsResolver,
    ],
    // Reads enter through the migration subgraph's person(pin) and Person.accessLog, so no root
    // field reaches these entities here.
    orphanedTypes: [Person, PersonAccessLog, Indicators],
    referenceResolvers: { ...personReference, ...accessLogReference, ...indicatorsReference },
  });
}
