import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { EntryBanReason } from './entry-ban.type';

export interface EntryBanRecord {
  _id: Types.ObjectId;
  pin: string;
  country: string;
  from: Date;
  until: Date | null;
  reason: EntryBanReason;
}

export const entryBanSchema = new Schema<EntryBanRecord>(
  {
    pin: { type: String, required: true },
    country: { type: String, required: true },
    from: { type: Date, required: true },
    until: { type: Date, default: null },
    reason: { type: String, enum: Object.values(EntryBanReason), required: true },
  },
  { timestamps: true, collection: 'entry_bans' },
);
entryBanSchema.index({ pin: 1, from: 1 });
entryBanSchema.index({ country: 1, from: 1 });

export type EntryBanModel = Model<EntryBanRecord>;

export function createEntryBanModel(connection: Connection): EntryBanModel {
  return connection.model<EntryBanRecord>('EntryBan', entryBanSchema);
}

export function toEntryBan(record: EntryBanRecord) {
  return {
    id: record._id.toHexString(),
    pin: record.pin,
    country: record.country,
    from: record.from,
    until: record.until,
    reason: record.reason,
  };
}
