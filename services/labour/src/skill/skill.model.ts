import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { SkillLevel, type Skill } from './skill.type';

export interface SkillRecord {
  _id: Types.ObjectId;
  pin: string;
  /** Trimmed, whitespace collapsed; unique per PIN in this form. */
  name: string;
  level: SkillLevel;
  certifiedBy: string | null;
  certifiedOn: Date | null;
}

export const skillSchema = new Schema<SkillRecord>(
  {
    pin: { type: String, required: true },
    name: { type: String, required: true },
    level: { type: String, enum: Object.values(SkillLevel), required: true },
    certifiedBy: { type: String, default: null },
    certifiedOn: { type: Date, default: null },
  },
  { timestamps: true, collection: 'skills' },
);
// A person holds each skill once; also serves the loader's lookups by PIN.
skillSchema.index({ pin: 1, name: 1 }, { unique: true });

export type SkillModel = Model<SkillRecord>;

export function createSkillModel(connection: Connection): SkillModel {
  return connection.model<SkillRecord>('Skill', skillSchema);
}

/** The one place a stored skill becomes an API one. */
export function toSkill(record: SkillRecord): Skill {
  return {
    id: record._id.toHexString(),
    pin: record.pin,
    name: record.name,
    level: record.level,
    certifiedBy: record.certifiedBy,
    certifiedOn: record.certifiedOn,
  };
}
