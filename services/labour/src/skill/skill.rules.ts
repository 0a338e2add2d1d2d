import { allow, readRule, writeRule, type AccessRules } from '@jol/kernel';

export const skillRules: AccessRules = {
  Person: { skills: readRule('Person.skills') },
  Skill: allow,
  Mutation: { recordSkill: writeRule('labour') },
};
