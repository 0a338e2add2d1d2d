import { defineEntity } from '@jol/kernel';
import { createSkillsByPinLoader } from './skill.loader';
import { createSkillModel, type SkillModel } from './skill.model';
import { PersonSkillsResolver, SkillResolver } from './skill.resolver';
import { skillRules } from './skill.rules';

/** Skills and certifications. */
export const skillEntity = defineEntity({
  resolvers: [PersonSkillsResolver, SkillResolver],
  rules: [skillRules],
  models: (connection) => ({ Skill: createSkillModel(connection) }),
  loaders: (models: { Skill: SkillModel }) => ({
    skillsByPin: createSkillsByPinLoader(models.Skill),
  }),
});
