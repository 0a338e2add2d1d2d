import { allow, readRule, revisionWriteRule, writeRule, type AccessRules } from '@jol/kernel';
import type { PensionsContext } from '../context';

const contributionRevision = revisionWriteRule(
  'pensions',
  (ctx: PensionsContext) => ctx.models.Contribution,
);

export const contributionRules: AccessRules = {
  Person: { contributions: readRule('Person.contributions') },
  PensionContribution: allow,
  Mutation: {
    recordContribution: writeRule('pensions'),
    correctPensionContribution: contributionRevision,
    voidPensionContribution: contributionRevision,
  },
};
