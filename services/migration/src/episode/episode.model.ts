import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { versionField, versionOf } from '@jol/kernel';
import { MigrationPurpose, type MigrationEpisode } from './episode.type';

export interface EpisodeRecord {
  _id: Types.ObjectId;
  pin: string;
  departedOn: Date;
  country: string;
  city: string | null;
  purpose: MigrationPurpose;
  returnedOn: Date | null;
  /** 1 when registered, one more with each correction; absent on episodes stored before versions. */
  version?: number;
}

export const episodeSchema = new Schema<EpisodeRecord>(
  {
    pin: { type: String, required: true },
    departedOn: { type: Date, required: true },
    country: { type: String, required: true },
    city: { type: String, default: null },
    purpose: { type: String, enum: Object.values(MigrationPurpose), required: true },
    returnedOn: { type: Date, default: null },
    ...versionField,
  },
  { timestamps: true, collection: 'migration_episodes' },
);
episodeSchema.index({ pin: 1, departedOn: 1 });
episodeSchema.index({ country: 1, departedOn: 1 });

export type EpisodeModel = Model<EpisodeRecord>;

export function createEpisodeModel(connection: Connection): EpisodeModel {
  return connection.model<EpisodeRecord>('MigrationEpisode', episodeSchema);
}

export function toEpisode(record: EpisodeRecord): MigrationEpisode {
  return {
    id: record._id.toHexString(),
    pin: record.pin,
    departedOn: record.departedOn,
    country: record.country,
    city: record.city,
    purpose: record.purpose,
    returnedOn: record.returnedOn,
    version: versionOf(record),
  };
}

/** The countries of a person's stays abroad, each once, in alphabetical order. */
export function stayCountriesOf(episodes: readonly Pick<EpisodeRecord, 'country'>[]): string[] {
  return [...new Set(episodes.map((episode) => episode.country))].sort();
}
