import { allow, readRule, writeRule, type AccessRules } from '@jol/schema';

export const contributionRules: AccessRules = {
  Person: { contributions: readRule('Person.contributions') },
  PensionContribution: allow,
  Mutation: { recordContribution: writeRule('pensions') },
};
