import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { Caregiver, DependantRelation, type Dependant } from './dependant.type';

export interface DependantRecord {
  _id: Types.ObjectId;
  /** The parent's (or guardian's) PIN. */
  pin: string;
  childPin: string;
  relation: DependantRelation;
  caregiver: Caregiver;
}

export const dependantSchema = new Schema<DependantRecord>(
  {
    pin: { type: String, required: true },
    childPin: { type: String, required: true },
    relation: { type: String, enum: Object.values(DependantRelation), required: true },
    caregiver: { type: String, enum: Object.values(Caregiver), required: true },
  },
  { timestamps: true, collection: 'dependants' },
);
dependantSchema.index({ pin: 1, childPin: 1 }, { unique: true });
dependantSchema.index({ childPin: 1 });

export type DependantModel = Model<DependantRecord>;

export function createDependantModel(connection: Connection): DependantModel {
  return connection.model<DependantRecord>('Dependant', dependantSchema);
}

/**
 * A dependant as the graph passes it on: the API type, with the parent's PIN. Not a field: what
 * the child-PIN mask compares with the caller, which stays off the API type.
 */
export type ParentedDependant = Dependant & { pin: string };

export function toDependant(record: DependantRecord): ParentedDependant {
  return {
    id: record._id.toHexString(),
    pin: record.pin,
    childPin: record.childPin,
    relation: record.relation,
    caregiver: record.caregiver,
  };
}
