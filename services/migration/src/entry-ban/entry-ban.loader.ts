import { createManyByKeyLoader } from '@jol/kernel';
import type { EntryBanModel, EntryBanRecord } from './entry-ban.model';

/** Each PIN's entry bans, oldest first, one query per batch. */
export function createEntryBansByPinLoader(EntryBan: EntryBanModel) {
  return createManyByKeyLoader<EntryBanRecord>(
    (pins) =>
      EntryBan.find({ pin: { $in: [...pins] } })
        .sort({ pin: 1, from: 1 })
        .lean<EntryBanRecord[]>(),
    (ban) => ban.pin,
  );
}
