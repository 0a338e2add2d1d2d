import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { REGION_CODES, Sex, type RegionCode } from '@jol/kernel';
import { MigrationStatus, RussianProficiency } from './person.type';

export interface NameRecord {
  last: string;
  first: string;
  patronymic?: string | null;
}

export interface PersonRecord {
  _id: Types.ObjectId;
  pin: string;
  nameCyrillic: NameRecord;
  nameLatin: NameRecord;
  birthDate: Date;
  sex: Sex;
  homeRegion: RegionCode;
  russianProficiency: RussianProficiency;
  status: MigrationStatus;
  /** Every country the person has departed to, for the destination filter. */
  destinations: string[];
  /**
   * The words of the names in both scripts as one transliteration writes them (`nameKeysOf`), for
   * searchPersons; absent on persons stored before it existed until `backfillNameKeys` runs.
   */
  nameKeys?: string[];
  createdAt: Date;
  updatedAt: Date;
}

const nameSchema = new Schema<NameRecord>(
  {
    last: { type: String, required: true },
    first: { type: String, required: true },
    patronymic: String,
  },
  { _id: false },
);

export const personSchema = new Schema<PersonRecord>(
  {
    pin: { type: String, required: true, unique: true },
    nameCyrillic: { type: nameSchema, required: true },
    nameLatin: { type: nameSchema, required: true },
    birthDate: { type: Date, required: true },
    sex: { type: String, enum: Object.values(Sex), required: true },
    homeRegion: { type: String, enum: REGION_CODES, required: true },
    russianProficiency: { type: String, enum: Object.values(RussianProficiency), required: true },
    status: { type: String, enum: Object.values(MigrationStatus), required: true },
    destinations: { type: [String], default: [] },
    nameKeys: { type: [String], default: undefined },
  },
  { timestamps: true, collection: 'persons' },
);
// The persons() filters, each led by the region an officer is scoped to, and the pin cursor.
personSchema.index({ homeRegion: 1, pin: 1 });
personSchema.index({ status: 1, pin: 1 });
personSchema.index({ destinations: 1, pin: 1 });
personSchema.index({ birthDate: 1 });
// searchPersons: every name word asked must be among the keys; the birth date narrows in the index.
personSchema.index({ nameKeys: 1, birthDate: 1 });

export type PersonModel = Model<PersonRecord>;

export function createPersonModel(connection: Connection): PersonModel {
  return connection.model<PersonRecord>('Person', personSchema);
}
