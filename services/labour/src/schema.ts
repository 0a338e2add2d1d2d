import { buildJolSubgraphSchema } from '@jol/schema';
import type { LabourContext } from './context';
import {
  EmploymentRecordResolver,
  PersonEmploymentResolver,
} from './employment/employment.resolver';
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
    ],
    // Reads enter through the migration subgraph's person(pin), so no root field reaches Person here.
    orphanedTypes: [Person],
    referenceResolvers: personReference,
  });
}
