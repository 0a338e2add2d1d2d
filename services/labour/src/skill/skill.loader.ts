import { createManyByKeyLoader } from '@jol/kernel';
import type { SkillModel, SkillRecord } from './skill.model';

/** Each PIN's skills by name, one query per batch. */
export function createSkillsByPinLoader(Skill: SkillModel) {
  return createManyByKeyLoader<SkillRecord>(
    (pins) =>
      Skill.find({ pin: { $in: [...pins] } })
        .sort({ pin: 1, name: 1 })
        .lean<SkillRecord[]>(),
    (skill) => skill.pin,
  );
}
