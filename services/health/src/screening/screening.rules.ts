import { allow, readRule, revisionWriteRule, writeRule, type AccessRules } from '@jol/kernel';
import type { HealthContext } from '../context';

const screeningRevision = revisionWriteRule(
  'health',
  (ctx: HealthContext) => ctx.models.HealthScreening,
);

export const screeningRules: AccessRules = {
  Person: { screenings: readRule('Person.screenings') },
  HealthScreening: allow,
  Mutation: {
    recordScreening: writeRule('health'),
    correctHealthScreening: screeningRevision,
    voidHealthScreening: screeningRevision,
  },
};
